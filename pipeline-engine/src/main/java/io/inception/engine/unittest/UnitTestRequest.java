package io.inception.engine.unittest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What to test: a commit of a repository and the repository's own test command.
 *
 * @param repoUrl   the repository holding the candidate (path, file://, ssh or https; credentials are never logged)
 * @param sha       the commit to test (the merged candidate), checked out detached
 * @param command   run as {@code bash -c <command>} at the root of the checkout, e.g. {@code ./gradlew test}
 * @param junitGlob JUnit XML files to count, relative to the checkout, e.g. {@code **&#47;TEST-*.xml}; null for none
 * @param timeout   the command is killed, with every process it started, after this long
 * @param workDir   a fresh run folder is created under it for the checkout, the log and the reports
 */
public record UnitTestRequest(String repoUrl, String sha, String command, String junitGlob, Duration timeout,
                              Path workDir) {
    /** Surefire's file names, anywhere in the tree. */
    public static final String DEFAULT_JUNIT_GLOB = "**/TEST-*.xml";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public UnitTestRequest {
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(workDir, "workDir");
        if (command.isBlank()) throw new IllegalArgumentException("the test command is empty");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
    }

    public UnitTestRequest withTimeout(Duration newTimeout) {
        return new UnitTestRequest(repoUrl, sha, command, junitGlob, newTimeout, workDir);
    }

    public UnitTestRequest withJunitGlob(String glob) {
        return new UnitTestRequest(repoUrl, sha, command, glob, timeout, workDir);
    }

    @Override
    public String toString() {
        return "UnitTestRequest[repoUrl=" + io.inception.engine.scheduler.UrlRedaction.redact(repoUrl) + ", sha=" + sha
                + ", command=" + command + ", junitGlob=" + junitGlob + ", timeout=" + timeout + ", workDir=" + workDir + "]";
    }
}
