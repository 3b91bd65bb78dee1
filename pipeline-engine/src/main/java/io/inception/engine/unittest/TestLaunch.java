package io.inception.engine.unittest;

import java.nio.file.Path;

/**
 * One start of a test command, as a {@link TestCommandRunner} sees it.
 *
 * @param label     identifies the run and stage (e.g. for container labels), no secrets
 * @param checkout  the fresh checkout of the commit; the command runs at its root (or in a copy of it)
 * @param runDir    the run folder the runner may write to (the checkout is inside it)
 * @param log       where the command's combined output must end up once it is collected
 * @param command   the repository's test command, run by a shell
 * @param sha       the commit tested (given to the command as {@code INCEPTION_SHA})
 * @param junitGlob JUnit XML files to bring back, relative to the checkout root; null for none
 */
public record TestLaunch(String label, Path checkout, Path runDir, Path log, String command, String sha,
                         String junitGlob) {
}
