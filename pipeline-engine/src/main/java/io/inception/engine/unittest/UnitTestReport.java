package io.inception.engine.unittest;

import java.time.Duration;
import java.util.List;

/**
 * The result of running a repository's test command on a commit; the unit-test stage's output record,
 * stored with the build.
 *
 * @param repoUrl         the repository, password masked
 * @param sha             the commit tested
 * @param command         the test command
 * @param outcome         how it ended
 * @param exitCode        the command's exit code, or null when it was killed (timeout, cancel)
 * @param duration        from start to exit (or kill)
 * @param counts          summed over the JUnit XML reports found, or null when there were none
 * @param reportFiles     the JUnit XML files counted, relative to the checkout
 * @param rejectedReports files matching the glob that were not counted, each with the reason
 *                        (malformed, not JUnit, a DOCTYPE — external entities are never read)
 * @param runner          where it ran: the {@link TestCommandRunner#name()}, {@code local-process} or {@code docker}
 * @param logFile         the full output (stdout and stderr); a stored artifact for the stage
 * @param logTail         the last lines of the output, passwords in URLs masked
 */
public record UnitTestReport(String repoUrl, String sha, String command, UnitTestOutcome outcome, Integer exitCode,
                             Duration duration, TestCounts counts, List<String> reportFiles,
                             List<String> rejectedReports, String runner, String logFile, String logTail) {
    public static final String LOCAL_PROCESS = "local-process";

    public UnitTestReport {
        reportFiles = reportFiles == null ? List.of() : List.copyOf(reportFiles);
        rejectedReports = rejectedReports == null ? List.of() : List.copyOf(rejectedReports);
    }

    public boolean passed() {
        return outcome == UnitTestOutcome.PASSED;
    }

    public UnitTestReport withLogFile(String path) {
        return new UnitTestReport(repoUrl, sha, command, outcome, exitCode, duration, counts, reportFiles,
                rejectedReports, runner, path, logTail);
    }

    /** One line for reports: command, outcome, exit code, duration and counts. */
    public String summary() {
        String how = switch (outcome) {
            case PASSED -> "passed (exit 0)";
            case FAILED -> "failed with exit code " + exitCode;
            case COMMAND_NOT_FOUND -> "failed with exit code 127: command not found";
            case TIMED_OUT -> "timed out and was killed";
            case CANCELLED -> "was cancelled and killed";
        };
        return "`" + command + "` " + how + " after " + seconds(duration) + " on " + abbreviate(sha) + ": "
                + (counts == null ? "no JUnit XML report" : counts.toString())
                + (rejectedReports.isEmpty() ? "" : " (" + rejectedReports.size() + " report file(s) rejected)");
    }

    private static String seconds(Duration d) {
        return d == null ? "?" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String abbreviate(String sha) {
        return sha != null && sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
