package io.inception.engine.unittest;

import io.inception.engine.scheduler.UrlRedaction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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

    private UnitTestRun(UnitTestRequest request, Path dir) {
        this.request = request;
        this.dir = dir;
    }

    /** A new run folder under the work folder, with a fresh checkout of the commit. */
    static UnitTestRun create(UnitTestRequest request) throws UnitTestSetupException {
        Path dir;
        try {
            Files.createDirectories(request.workDir());
            dir = Files.createTempDirectory(request.workDir(), "unit-test-");
        } catch (IOException e) {
            throw new UnitTestSetupException("cannot create a run folder under " + request.workDir() + ": " + e, true);
        }
        FreshCheckout.create(request.repoUrl(), request.sha(), dir.resolve(CHECKOUT));
        return new UnitTestRun(request, dir);
    }

    static UnitTestRun reopen(UnitTestRequest request, Path dir) {
        return new UnitTestRun(request, dir);
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

    Process start() throws IOException {
        return TestCommand.start(dir.resolve(CHECKOUT), dir, log(), request.command(), request.sha());
    }

    /**
     * The test process if it still runs. {@code pid} comes from the checkpoint or else from the pid file
     * (a crash between start and checkpoint); the start time guards against a reused pid.
     */
    Optional<ProcessHandle> liveProcess(OptionalLong pid, Optional<Instant> processStart) {
        OptionalLong id = pid.isPresent() ? pid : readPid();
        if (id.isEmpty()) return Optional.empty();
        Optional<ProcessHandle> handle = ProcessHandle.of(id.getAsLong()).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) return Optional.empty();
        Optional<Instant> actualStart = handle.get().info().startInstant();
        if (actualStart.isEmpty()) return handle;
        Instant notBefore = processStart.orElseGet(() -> created().minusSeconds(2));
        boolean same = processStart.isPresent()
                ? Math.abs(actualStart.get().toEpochMilli() - notBefore.toEpochMilli()) < 1000
                : !actualStart.get().isBefore(notBefore);
        return same ? handle : Optional.empty();
    }

    /** The exit code the wrapper recorded, once the command ended by itself. */
    Optional<Integer> exitCode() {
        try {
            return Optional.of(Integer.parseInt(Files.readString(dir.resolve(TestCommand.EXIT_FILE)).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Report for a command that exited by itself (exit-code file present). */
    UnitTestReport finishExited(int exitCode) throws IOException {
        UnitTestOutcome outcome = exitCode == 0 ? UnitTestOutcome.PASSED
                : exitCode == 127 ? UnitTestOutcome.COMMAND_NOT_FOUND : UnitTestOutcome.FAILED;
        Duration duration = Duration.between(modified(dir.resolve(TestCommand.PID_FILE)),
                modified(dir.resolve(TestCommand.EXIT_FILE)));
        return finish(outcome, exitCode, duration);
    }

    /** Kills the process tree and reports it as timed out or cancelled. */
    UnitTestReport finishKilled(ProcessHandle process, UnitTestOutcome why, Duration elapsed) throws IOException {
        ProcessTree.kill(process, KILL_GRACE);
        return finish(why, null, elapsed);
    }

    UnitTestReport finish(UnitTestOutcome outcome, Integer exitCode, Duration duration) throws IOException {
        collectReports();
        Path reports = dir.resolve(REPORTS);
        JUnitReports.Result junit = JUnitReports.count(reports, JUnitReports.find(reports, "**"));
        return new UnitTestReport(UrlRedaction.redact(request.repoUrl()), request.sha(), request.command(), outcome,
                exitCode, duration, junit.counts(), junit.files(), junit.rejected(), UnitTestReport.LOCAL_PROCESS,
                log().toString(), LogTail.read(log()));
    }

    /**
     * Copies the JUnit files out of the checkout into {@code reports/} (renamed into place whole, so
     * a crash never leaves half a set) and deletes the checkout. Idempotent.
     */
    private void collectReports() throws IOException {
        Path checkout = dir.resolve(CHECKOUT);
        Path reports = dir.resolve(REPORTS);
        if (!Files.isDirectory(checkout)) return;
        if (!Files.isDirectory(reports)) {
            Path tmp = dir.resolve(REPORTS + ".tmp");
            deleteTree(tmp);
            Files.createDirectories(tmp);
            for (Path rel : JUnitReports.find(checkout, request.junitGlob())) {
                Path target = tmp.resolve(rel.toString());
                Files.createDirectories(target.getParent());
                // never follow a symlink the build planted towards files outside the checkout
                if (!Files.isSymbolicLink(checkout.resolve(rel))) {
                    Files.copy(checkout.resolve(rel), target, StandardCopyOption.REPLACE_EXISTING);
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

    private OptionalLong readPid() {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(dir.resolve(TestCommand.PID_FILE)).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private Instant created() {
        try {
            return Files.readAttributes(dir, BasicFileAttributes.class).creationTime().toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static Instant modified(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toInstant();
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
