/**
 * The unit-test stage: a merged candidate's own test command, run in a fresh JGit checkout as a local
 * process, with a timeout, process-tree kill, a log artifact and JUnit XML counts.
 *
 * <p>{@link io.inception.engine.unittest.UnitTestRunner} is the synchronous porcelain (demo, CLI, tests);
 * {@link io.inception.engine.unittest.UnitTestStage} is the asynchronous, resumable {@code unit-test}
 * stage over the same run folder. Both produce a {@link io.inception.engine.unittest.UnitTestReport}.
 */
package io.inception.engine.unittest;
