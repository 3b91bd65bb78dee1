package io.inception.packaging.build;

import io.inception.engine.stage.Cancellation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the command as a local process in a scratch copy of the checkout (the fallback without Docker). */
public final class LocalBuildRunner implements BuildRunner {
    private final Path scratchRoot;
    private final Clock clock;

    public LocalBuildRunner(Path scratchRoot, Clock clock) {
        this.scratchRoot = scratchRoot;
        this.clock = clock;
    }

    @Override
    public RunnerKind kind() {
        return RunnerKind.LOCAL;
    }

    @Override
    public RunResult run(RunRequest request, Cancellation cancellation) throws IOException {
        Instant start = clock.instant();
        Files.createDirectories(scratchRoot);
        Path work = Files.createTempDirectory(scratchRoot, "run-" + request.buildId() + "-");
        Path log = work.resolveSibling(work.getFileName() + ".log");
        try {
            copyTree(request.checkout(), work);
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", request.command()).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(request.env());
            Process p = pb.start();
            RunResult.Outcome outcome = await(p, request.timeout(), cancellation, start);
            if (outcome != RunResult.Outcome.EXITED) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.onExit().join();
            }
            List<Path> outputs = copyOutputs(work, request);
            return new RunResult(RunnerKind.LOCAL, null, outcome, outcome == RunResult.Outcome.EXITED ? p.exitValue() : -1,
                    Duration.between(start, clock.instant()), outputs,
                    Tails.tail(Files.readString(log, StandardCharsets.UTF_8)));
        } finally {
            deleteTree(work);
            Files.deleteIfExists(log);
        }
    }

    private RunResult.Outcome await(Process p, Duration timeout, Cancellation cancellation, Instant start) {
        while (true) {
            try {
                if (p.waitFor(500, TimeUnit.MILLISECONDS)) return RunResult.Outcome.EXITED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return RunResult.Outcome.CANCELLED;
            }
            if (cancellation.isCancelled()) return RunResult.Outcome.CANCELLED;
            if (Duration.between(start, clock.instant()).compareTo(timeout) > 0) return RunResult.Outcome.TIMED_OUT;
        }
    }

    private static List<Path> copyOutputs(Path work, RunRequest request) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String o : request.outputs()) {
            Path src = work.resolve(o).normalize();
            if (!src.startsWith(work) || !Files.exists(src)) continue;
            Path dst = request.outputDir().resolve(o).normalize();
            copyTree(src, dst);
            out.add(dst);
        }
        return out;
    }

    static void copyTree(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from)) {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path rel = from.relativize(p);
                if (rel.getNameCount() > 0 && rel.getName(0).toString().equals(".git")) continue;
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
