package io.inception.engine.unittest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.inception.engine.secret.UrlRedaction;
import io.inception.engine.stage.CheckpointStore;
import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import java.util.Map;

/**
 * Stage type {@code unit-test}: runs the merged candidate's own test command in a fresh checkout
 * (see {@link UnitTestRunner} for what a run does, and {@link UnitTestInput} for the parameters:
 * {@code command} is required; {@code repo} and {@code sha} default to the bound build's trunk URL and
 * candidate SHA; {@code junit} and {@code timeout} are optional).
 *
 * <p><b>Where.</b> A {@link TestCommandRunner} runs the command: {@link LocalProcessRunner} by default
 * (report runner {@code local-process}); the app plugs in packaging's Docker runner (a throwaway container,
 * the checkout read-only, report runner {@code docker}) where Docker is available.
 *
 * <p><b>Asynchronous.</b> The first {@code execute} clones, starts the command and returns
 * {@link StageResult.Running}; later calls poll it. The checkpoints hold the run folder, the start time
 * and what the runner needs to find the command again (a local process's pid and start time, a
 * container's id). After an orchestrator restart, {@code execute} re-attaches to a local process when it
 * still runs (same pid and start time) or reads its recorded exit code when it ended meanwhile; when the
 * command cannot be followed — the process is gone without an exit code (the machine rebooted), or it
 * ran in a container started by the previous orchestrator process, which the Docker runner removes
 * instead of re-attaching — it <b>runs the tests again from scratch</b> in a new checkout. That is safe
 * because a repository's unit tests are idempotent: they read the commit and write only inside their
 * checkout. A runner not followed across restarts is also stopped (its container removed) as soon as the
 * run's cancellation is set, even when the executor never polls the stage again (its own timeout, cancel).
 *
 * <p><b>Results.</b> Exit 0: {@code Succeeded} with the {@link UnitTestReport} as output. Non-zero exit,
 * exit 127 (command not found), timeout: permanent {@code Failed} whose reason names the command, the
 * exit code and the counts. A commit that cannot be checked out: {@code Failed}, transient when the
 * repository was unreachable. Cancellation kills the command (process tree or container) and throws
 * {@link java.util.concurrent.CancellationException}. In every case the log ({@code unit-test.log}) and
 * the JUnit files ({@code junit-<path with _ for />}) are stored as artifacts and the report is kept in the checkpoint
 * {@link #REPORT} (read it with {@link #report(CheckpointStore)}), because a {@code Failed} carries no output.
 */
public final class UnitTestStage implements Stage {
    public static final String TYPE = "unit-test";
    /** Checkpoint keys. */
    static final String RUN_DIR = "unit-test.runDir", STARTED_AT = "unit-test.startedAt";
    /** Prefix of the runner's own checkpoint keys ({@link TestExecution#checkpoint()}). */
    static final String EXECUTION_PREFIX = "unit-test.exec.";
    /** The local runner's keys. */
    static final String PID = EXECUTION_PREFIX + LocalProcessRunner.PID,
            PROCESS_START = EXECUTION_PREFIX + LocalProcessRunner.PROCESS_START;
    /** The checkpoint key holding the finished report as JSON. */
    public static final String REPORT = "unit-test.report";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path workRoot;
    private final Clock clock;
    private final Duration pollInterval;
    private final TestCommandRunner runner;
    /** Per run folder: the watch that stops a command whose run was cancelled while nobody polls it. */
    private final Map<Path, Guard> guards = new ConcurrentHashMap<>();
    private static final ScheduledExecutorService GUARDS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "unit-test-guard");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param workRoot     checkouts go to {@code workRoot/<run>/<stage>/unit-test-*} (e.g. {@code $INCEPTION_HOME/work})
     * @param clock        for timeouts
     * @param pollInterval how often the executor should poll a running command
     * @param runner       where the command runs (local process, container); recorded in the report
     */
    public UnitTestStage(Path workRoot, Clock clock, Duration pollInterval, TestCommandRunner runner) {
        this.workRoot = workRoot;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.runner = runner;
    }

    /** Local processes ({@link LocalProcessRunner}). */
    public UnitTestStage(Path workRoot, Clock clock, Duration pollInterval) {
        this(workRoot, clock, pollInterval, new LocalProcessRunner());
    }

    public UnitTestStage(Path workRoot, TestCommandRunner runner) {
        this(workRoot, Clock.systemUTC(), Duration.ofSeconds(2), runner);
    }

    public UnitTestStage(Path workRoot) {
        this(workRoot, new LocalProcessRunner());
    }

    /** The runner this stage uses; its name is the report's {@code runner}. */
    public TestCommandRunner runner() {
        return runner;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The report of a finished run of this stage, from its checkpoints. */
    public static Optional<UnitTestReport> report(CheckpointStore checkpoints) throws IOException {
        Optional<String> json = checkpoints.get(REPORT);
        return json.isEmpty() ? Optional.empty() : Optional.of(JSON.readValue(json.get(), UnitTestReport.class));
    }

    @Override
    public StageResult execute(StageContext context) throws Exception {
        CheckpointStore cp = context.checkpoints();
        Optional<UnitTestReport> done = report(cp);
        if (done.isPresent()) return resultOf(context, done.get());
        UnitTestRequest request;
        try {
            request = UnitTestInput.from(context, workRoot);
        } catch (IllegalArgumentException e) {
            return StageResult.Failed.permanent(e.getMessage());
        }
        Optional<String> runDir = cp.get(RUN_DIR);
        if (runDir.isPresent()) {
            UnitTestRun run = UnitTestRun.reopen(request, Path.of(runDir.get()), runner);
            Optional<TestExecution> execution = run.reattach(executionCheckpoint(cp));
            if (execution.isPresent() && execution.get().isRunning()) {
                Guard guard = guard(context, run, execution.get());
                if (guard == null) return poll(context, request, run, execution.get());
                guard.lock.lock(); // the guard does not act while the stage polls, and vice versa
                try {
                    if (guard.done) context.cancellation().throwIfCancelled();
                    return poll(context, request, run, execution.get());
                } finally {
                    guard.lock.unlock();
                }
            }
            Optional<Integer> exit = execution.flatMap(TestExecution::exitCode);
            if (exit.isPresent() && run.exists()) {
                return complete(context, run, run.finishExited(execution.get(), exit.get(), elapsed(cp)));
            }
            context.log().warn("the test command of an earlier attempt is gone without an exit code (the orchestrator "
                    + "or the machine restarted); running the tests again from a fresh checkout");
            run.delete();
            List.of(RUN_DIR, STARTED_AT).forEach(cp::remove);
            cp.all().keySet().stream().filter(k -> k.startsWith(EXECUTION_PREFIX)).toList().forEach(cp::remove);
        }
        context.cancellation().throwIfCancelled();
        return start(context, request);
    }

    private static Map<String, String> executionCheckpoint(CheckpointStore cp) {
        Map<String, String> out = new HashMap<>();
        cp.all().forEach((k, v) -> {
            if (k.startsWith(EXECUTION_PREFIX)) out.put(k.substring(EXECUTION_PREFIX.length()), v);
        });
        return out;
    }

    private Duration elapsed(CheckpointStore cp) {
        Instant startedAt = cp.get(STARTED_AT).map(Instant::parse).orElseGet(clock::instant);
        return Duration.between(startedAt, clock.instant());
    }

    private StageResult start(StageContext context, UnitTestRequest request) throws IOException {
        CheckpointStore cp = context.checkpoints();
        context.log().info("checking out " + request.sha() + " from " + UrlRedaction.redact(request.repoUrl()));
        UnitTestRun run;
        try {
            run = UnitTestRun.create(request, runner);
        } catch (UnitTestSetupException e) {
            context.log().error(e.getMessage());
            return new StageResult.Failed(e.getMessage(), e.isTransient());
        }
        // Checkpoint the folder before starting: a crash in between is recovered through the run folder
        // (a local process's pid file) or the runner's clean-up (a container found by its label).
        cp.put(RUN_DIR, run.dir().toString());
        TestExecution execution = run.start();
        execution.checkpoint().forEach((k, v) -> cp.put(EXECUTION_PREFIX + k, v));
        cp.put(STARTED_AT, clock.instant().toString());
        guard(context, run, execution);
        context.log().info("running `" + request.command() + "` (" + runner.name() + ", " + execution.describe()
                + ", timeout " + request.timeout() + ")");
        return StageResult.running(pollInterval, "running `" + request.command() + "`");
    }

    private StageResult poll(StageContext context, UnitTestRequest request, UnitTestRun run, TestExecution execution)
            throws IOException {
        Duration elapsed = elapsed(context.checkpoints());
        if (context.cancellation().isCancelled()) {
            context.log().warn("cancelled: killing `" + request.command() + "` (" + execution.describe()
                    + ") and its children");
            complete(context, run, run.finishKilled(execution, UnitTestOutcome.CANCELLED, elapsed));
            context.cancellation().throwIfCancelled();
        }
        if (elapsed.compareTo(request.timeout()) >= 0) {
            context.log().error("timeout " + request.timeout() + " passed: killing `" + request.command()
                    + "` (" + execution.describe() + ") and its children");
            return complete(context, run, run.finishKilled(execution, UnitTestOutcome.TIMED_OUT, elapsed));
        }
        Duration remaining = request.timeout().minus(elapsed);
        Duration next = remaining.compareTo(pollInterval) < 0 ? remaining : pollInterval;
        return StageResult.running(next, "running `" + request.command() + "` for " + elapsed.toSeconds() + " s"
                + lastLine(run));
    }

    /**
     * For a runner that is not followed across restarts: once the run's cancellation is set (the
     * executor timed the stage out, cancelled the run or let go of it) and the stage has not handled
     * it by the next check, the command is stopped and collected (its container removed) and the run
     * folder deleted. The executor stops polling a cancelled stage, so without this the command would
     * run on.
     */
    private Guard guard(StageContext context, UnitTestRun run, TestExecution execution) {
        if (runner.followsAcrossRestarts()) return null;
        return guards.computeIfAbsent(run.dir(), dir -> {
            Guard g = new Guard(context, run, execution);
            g.future = GUARDS.scheduleWithFixedDelay(g, 1, 1, TimeUnit.SECONDS);
            return g;
        });
    }

    private void unguard(Path runDir) {
        Guard g = guards.remove(runDir);
        if (g != null) {
            g.done = true;
            g.future.cancel(false);
        }
    }

    /** See {@link #guard}; {@code lock} is held by whoever stops the command: a poll of the stage, or this. */
    private final class Guard implements Runnable {
        final ReentrantLock lock = new ReentrantLock();
        final StageContext context;
        final UnitTestRun run;
        final TestExecution execution;
        volatile ScheduledFuture<?> future;
        volatile boolean done;
        private boolean seen;

        Guard(StageContext context, UnitTestRun run, TestExecution execution) {
            this.context = context;
            this.run = run;
            this.execution = execution;
        }

        @Override
        public void run() {
            if (done || !context.cancellation().isCancelled()) return;
            if (!seen) { // give the stage's own poll a chance to report it first
                seen = true;
                return;
            }
            if (!lock.tryLock()) return; // a poll is handling it
            try {
                if (done) return;
                unguard(run.dir());
                execution.kill(UnitTestRun.KILL_GRACE);
                execution.collect();
                run.delete();
            } catch (IOException | RuntimeException e) {
                LoggerFactory.getLogger(UnitTestStage.class).warn("could not stop the unit tests in {} ({}): {}",
                        run.dir(), execution.describe(), e.toString());
            } finally {
                lock.unlock();
            }
        }
    }

    /** Stores the artifacts and the report, removes the run folder, and turns the report into a result. */
    private StageResult complete(StageContext context, UnitTestRun run, UnitTestReport report) throws IOException {
        unguard(run.dir());
        Path log = context.artifacts().put("unit-test.log", run.log());
        for (String rel : report.reportFiles()) {
            // flat names: an artifact store need not support folders
            context.artifacts().put("junit-" + rel.replace('/', '_'), run.dir().resolve(UnitTestRun.REPORTS).resolve(rel));
        }
        UnitTestReport withLog = report.withLogFile(log.toString());
        context.checkpoints().put(REPORT, JSON.writeValueAsString(withLog));
        run.delete();
        context.log().info(withLog.summary());
        return resultOf(context, withLog);
    }

    private static StageResult resultOf(StageContext context, UnitTestReport report) {
        return switch (report.outcome()) {
            case PASSED -> StageResult.succeeded(report.summary(), report);
            case FAILED -> StageResult.Failed.permanent(report.summary());
            case COMMAND_NOT_FOUND -> StageResult.Failed.permanent(report.summary()
                    + "; check the test command of the repository in branches.yaml");
            case TIMED_OUT -> StageResult.Failed.permanent(report.summary() + "; raise the stage's 'timeout' if the "
                    + "tests need longer");
            case CANCELLED -> {
                context.cancellation().throwIfCancelled();
                yield StageResult.Failed.permanent(report.summary());
            }
        };
    }

    private static String lastLine(UnitTestRun run) {
        try {
            String tail = LogTail.read(run.log()).strip();
            if (tail.isEmpty()) return "";
            String last = tail.substring(tail.lastIndexOf('\n') + 1);
            return ": " + (last.length() > 120 ? last.substring(0, 120) + "…" : last);
        } catch (IOException e) {
            return "";
        }
    }
}
