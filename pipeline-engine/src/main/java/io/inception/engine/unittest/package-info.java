/**
 * The unit-test stage: a merged candidate's own test command, run in a fresh JGit checkout with a
 * timeout, a kill on timeout or cancel, a log artifact and JUnit XML counts.
 *
 * <p>{@link io.inception.engine.unittest.UnitTestRunner} is the synchronous porcelain (demo, CLI, tests);
 * {@link io.inception.engine.unittest.UnitTestStage} is the asynchronous, resumable {@code unit-test}
 * stage over the same run folder. Both produce a {@link io.inception.engine.unittest.UnitTestReport}.
 * Where the command runs is the {@link io.inception.engine.unittest.TestCommandRunner} SPI: local
 * processes by default ({@link io.inception.engine.unittest.LocalProcessRunner}); other modules add
 * runners (packaging runs it in a throwaway container).
 */
package io.inception.engine.unittest;
