package io.inception.engine.unittest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The default {@link TestCommandRunner}: {@code bash -c <command>} as a local process at the root of
 * the checkout (see {@link TestCommand}), detached from the JVM so that after an orchestrator restart
 * it is re-attached by pid (guarded by the process's start time against a reused pid) or its exit
 * code is read from the run folder.
 */
public final class LocalProcessRunner implements TestCommandRunner {
    /** Checkpoint keys of an execution. */
    static final String PID = "pid", PROCESS_START = "processStart";

    @Override
    public String name() {
        return UnitTestReport.LOCAL_PROCESS;
    }

    @Override
    public boolean followsAcrossRestarts() {
        return true;
    }

    @Override
    public TestExecution start(TestLaunch launch) throws IOException {
        Process p = TestCommand.start(launch.checkout(), launch.runDir(), launch.log(), launch.command(), launch.sha());
        return new Execution(launch, p.toHandle(), p);
    }

    @Override
    public Optional<TestExecution> reattach(TestLaunch launch, Map<String, String> checkpoint) {
        Optional<ProcessHandle> live = liveProcess(launch.runDir(),
                Optional.ofNullable(checkpoint.get(PID)).map(p -> OptionalLong.of(Long.parseLong(p))).orElse(OptionalLong.empty()),
                Optional.ofNullable(checkpoint.get(PROCESS_START)).map(Instant::parse));
        if (live.isPresent()) return Optional.of(new Execution(launch, live.get(), null));
        Execution ended = new Execution(launch, null, null);
        return Files.isDirectory(launch.runDir()) && ended.exitCode().isPresent() ? Optional.of(ended) : Optional.empty();
    }

    /**
     * The test process if it still runs. {@code pid} comes from the checkpoint or else from the pid file
     * (a crash between start and checkpoint); the start time guards against a reused pid.
     */
    private static Optional<ProcessHandle> liveProcess(Path dir, OptionalLong pid, Optional<Instant> processStart) {
        OptionalLong id = pid.isPresent() ? pid : readPid(dir);
        if (id.isEmpty()) return Optional.empty();
        Optional<ProcessHandle> handle = ProcessHandle.of(id.getAsLong()).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) return Optional.empty();
        Optional<Instant> actualStart = handle.get().info().startInstant();
        if (actualStart.isEmpty()) return handle;
        Instant notBefore = processStart.orElseGet(() -> created(dir).minusSeconds(2));
        boolean same = processStart.isPresent()
                ? Math.abs(actualStart.get().toEpochMilli() - notBefore.toEpochMilli()) < 1000
                : !actualStart.get().isBefore(notBefore);
        return same ? handle : Optional.empty();
    }

    private static OptionalLong readPid(Path dir) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(dir.resolve(TestCommand.PID_FILE)).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Instant created(Path dir) {
        try {
            return Files.readAttributes(dir, BasicFileAttributes.class).creationTime().toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** A process started here ({@code process} set) or re-attached by pid ({@code handle} only) or ended. */
    private record Execution(TestLaunch launch, ProcessHandle handle, Process process) implements TestExecution {
        @Override
        public Map<String, String> checkpoint() {
            Map<String, String> cp = new HashMap<>();
            if (handle != null) {
                cp.put(PID, Long.toString(handle.pid()));
                handle.info().startInstant().ifPresent(s -> cp.put(PROCESS_START, s.toString()));
            }
            return cp;
        }

        @Override
        public String describe() {
            return handle == null ? "an ended process" : "pid " + handle.pid();
        }

        @Override
        public boolean isRunning() {
            return handle != null && handle.isAlive();
        }

        /** From the wrapper's exit-code file; a process started here that lost it (wrapper killed) gives its own. */
        @Override
        public Optional<Integer> exitCode() {
            if (isRunning()) return Optional.empty();
            try {
                return Optional.of(Integer.parseInt(Files.readString(launch.runDir().resolve(TestCommand.EXIT_FILE)).trim()));
            } catch (IOException | NumberFormatException e) {
                return process == null ? Optional.empty() : Optional.of(process.exitValue());
            }
        }

        @Override
        public Optional<Duration> duration() {
            try {
                return Optional.of(Duration.between(
                        Files.getLastModifiedTime(launch.runDir().resolve(TestCommand.PID_FILE)).toInstant(),
                        Files.getLastModifiedTime(launch.runDir().resolve(TestCommand.EXIT_FILE)).toInstant()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public void kill(Duration grace) {
            if (handle != null) ProcessTree.kill(handle, grace);
        }

        /** The command wrote its log and JUnit files in place. */
        @Override
        public Path collect() {
            return launch.checkout();
        }
    }
}
