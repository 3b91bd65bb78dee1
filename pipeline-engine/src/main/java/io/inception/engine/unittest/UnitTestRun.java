package io.inception.engine.unittest;

import io.inception.engine.secret.UrlRedaction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run folder: {@code checkout/} (the fresh clone, deleted once the reports are copied),
 * {@code output.log}, {@code pid}, {@code exit-code} and {@code reports/} (copies of the JUnit XML).
 * Everything needed to finish the run is in the folder, so it can be reopened after a restart.
 */
final class UnitTestRun {
    static final String CHECKOUT = "checkout";
    static final String LOG = "output.log";
    static final String REPORTS = "reports";
    static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final UnitTestRequest request;
    private final Path dir;
    private final TestCommandRunner runner;

    private UnitTestRun(UnitTestRequest request, Path dir, TestCommandRunner runner) {
        this.request = request;
        this.dir = dir;
        this.runner = runner;
    }

    /** A new run folder under the work folder, with a fresh checkout of the commit. */
    static UnitTestRun create(UnitTestRequest request, TestCommandRunner runner) throws UnitTestSetupException {
        Path dir;
        try {
            Files.createDirectories(request.workDir());
            dir = Files.createTempDirectory(request.workDir(), "unit-test-");
        } catch (IOException e) {
            throw new UnitTestSetupException("cannot create a run folder under " + request.workDir() + ": " + e, true);
        }
        FreshCheckout.create(request.repoUrl(), request.sha(), dir.resolve(CHECKOUT));
        return new UnitTestRun(request, dir, runner);
    }

    static UnitTestRun reopen(UnitTestRequest request, Path dir, TestCommandRunner runner) {
        return new UnitTestRun(request, dir, runner);
    }

    Path dir() {
        return dir;
    }

    Path log() {
        return dir.resolve(LOG);
    }

    boolean exists() {
        return Files.isDirectory(dir);
    }

    /** What the runner sees; {@code label} names the run folder (unique per run and stage). */
    TestLaunch launch() {
        return new TestLaunch(request.workDir().getParent().getFileName() + "/" + request.workDir().getFileName()
                + "/" + dir.getFileName(), dir.resolve(CHECKOUT), dir, log(), request.command(), request.sha(),
                request.junitGlob());
    }

    TestExecution start() throws IOException {
        return runner.start(launch());
    }

    /** The execution the checkpoint names, if it can still be followed; see {@link TestCommandRunner#reattach}. */
    Optional<TestExecution> reattach(Map<String, String> checkpoint) {
        return runner.reattach(launch(), checkpoint);
    }

    /** Report for a command that exited by itself. */
    UnitTestReport finishExited(TestExecution execution, int exitCode, Duration measured) throws IOException {
        UnitTestOutcome outcome = exitCode == 0 ? UnitTestOutcome.PASSED
                : exitCode == 127 ? UnitTestOutcome.COMMAND_NOT_FOUND : UnitTestOutcome.FAILED;
        Duration duration = execution.duration().orElse(measured);
        return finish(execution.collect(), outcome, exitCode, duration);
    }

    /** Kills the command with everything it started and reports it as timed out or cancelled. */
    UnitTestReport finishKilled(TestExecution execution, UnitTestOutcome why, Duration elapsed) throws IOException {
        execution.kill(KILL_GRACE);
        return finish(execution.collect(), why, null, elapsed);
    }

    private UnitTestReport finish(Path outputs, UnitTestOutcome outcome, Integer exitCode, Duration duration)
            throws IOException {
        collectReports(outputs);
        Path reports = dir.resolve(REPORTS);
        JUnitReports.Result junit = JUnitReports.count(reports, JUnitReports.find(reports, "**"));
        return new UnitTestReport(UrlRedaction.redact(request.repoUrl()), request.sha(), request.command(), outcome,
                exitCode, duration, junit.counts(), junit.files(), junit.rejected(), runner.name(),
                log().toString(), LogTail.read(log()));
    }

    /**
     * Copies the JUnit files out of {@code outputs} (the checkout, or where a runner copied them out of
     * its container) into {@code reports/} (renamed into place whole, so a crash never leaves half a
     * set) and deletes the checkout. Idempotent.
     */
    private void collectReports(Path outputs) throws IOException {
        Path checkout = dir.resolve(CHECKOUT);
        Path reports = dir.resolve(REPORTS);
        if (!Files.isDirectory(checkout)) return;
        if (!Files.isDirectory(reports)) {
            Path tmp = dir.resolve(REPORTS + ".tmp");
            deleteTree(tmp);
            Files.createDirectories(tmp);
            for (Path rel : JUnitReports.find(outputs, request.junitGlob())) {
                Path target = tmp.resolve(rel.toString());
                Files.createDirectories(target.getParent());
                // never follow a symlink the build planted towards files outside the checkout
                if (!Files.isSymbolicLink(outputs.resolve(rel))) {
                    Files.copy(outputs.resolve(rel), target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(tmp, reports, StandardCopyOption.ATOMIC_MOVE);
        }
        deleteTree(checkout);
    }

    /** Removes the whole run folder. */
    void delete() throws IOException {
        deleteTree(dir);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                if (!p.toFile().canWrite()) p.toFile().setWritable(true); // git pack files are read-only
                Files.deleteIfExists(p);
            }
        }
    }
}
