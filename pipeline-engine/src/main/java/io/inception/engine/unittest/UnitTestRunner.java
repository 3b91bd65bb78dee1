package io.inception.engine.unittest;

import io.inception.engine.stage.Cancellation;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs a repository's own tests on one commit, without the executor: a fresh JGit clone checked out
 * detached at the commit, the command at its root (by default {@code bash -c} as a local process; see
 * {@link TestCommandRunner}) with a timeout, output to a log file,
 * JUnit XML counted. The process and everything it started are killed on timeout or cancellation.
 * <pre>
 * UnitTestReport r = UnitTestRunner.create().run(new UnitTestRequest(
 *         "/srv/git/nova.git", sha, "./run-tests.sh", "**&#47;TEST-*.xml", Duration.ofMinutes(20), workDir));
 * </pre>
 * The checkout is deleted when the run ends; the run folder under {@code workDir} keeps {@code output.log}
 * and {@code reports/}. The environment of the command is reduced to PATH, HOME, locale, proxies and
 * JAVA_HOME (plus {@code CI=true} and {@code INCEPTION_SHA}) so no orchestrator secret leaks into it.
 */
public final class UnitTestRunner {
    private static final Duration POLL = Duration.ofMillis(200);
    private final Clock clock;
    private final TestCommandRunner runner;

    public UnitTestRunner(Clock clock, TestCommandRunner runner) {
        this.clock = clock;
        this.runner = runner;
    }

    public UnitTestRunner(Clock clock) {
        this(clock, new LocalProcessRunner());
    }

    public static UnitTestRunner create() {
        return new UnitTestRunner(Clock.systemUTC());
    }

    /** Runs to the end; see {@link #run(UnitTestRequest, Cancellation)}. */
    public UnitTestReport run(UnitTestRequest request) throws UnitTestSetupException, IOException {
        return run(request, () -> false);
    }

    /**
     * Runs the tests and waits for them (or the timeout, or the cancellation).
     *
     * @return the report; a failing, missing, timed-out or cancelled command is a report, not an exception
     * @throws UnitTestSetupException the commit could not be checked out
     * @throws IOException            the run folder could not be written
     */
    public UnitTestReport run(UnitTestRequest request, Cancellation cancellation)
            throws UnitTestSetupException, IOException {
        UnitTestRun run = UnitTestRun.create(request, runner);
        Instant started = clock.instant();
        TestExecution execution = run.start();
        try {
            while (execution.isRunning()) {
                Thread.sleep(POLL.toMillis());
                Duration elapsed = Duration.between(started, clock.instant());
                if (cancellation.isCancelled()) {
                    return run.finishKilled(execution, UnitTestOutcome.CANCELLED, elapsed);
                }
                if (elapsed.compareTo(request.timeout()) >= 0) {
                    return run.finishKilled(execution, UnitTestOutcome.TIMED_OUT, elapsed);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return run.finishKilled(execution, UnitTestOutcome.CANCELLED, Duration.between(started, clock.instant()));
        }
        Duration elapsed = Duration.between(started, clock.instant());
        // No exit code at all (the command vanished): a failure without one.
        return execution.exitCode().isPresent() ? run.finishExited(execution, execution.exitCode().get(), elapsed)
                : run.finishKilled(execution, UnitTestOutcome.FAILED, elapsed);
    }
}
