package io.inception.engine.executor;

import io.inception.engine.model.Environment;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageDef;
import io.inception.engine.stage.Stage;
import io.inception.engine.store.NewRun;
import io.inception.engine.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs pipelines: stages in order, every transition stored, polls instead of sleeps, retries of
 * transient failures, per-stage timeouts, cancel, run locks, and resume after the process died.
 *
 * <pre>{@code
 * try (Store store = Store.openDefault(home);
 *      Executor executor = Executor.withStages(mergeStage, unitTestStage).open(store, home)) {
 *     executor.resumeInterrupted();                       // what `inception server` does at start
 *     String runId = executor.start(pipeline, environment, RunOptions.defaults());
 *     Run run = executor.awaitCompletion(runId, Duration.ofHours(2));
 * }
 * }</pre>
 *
 * <p>Closing the executor stops its threads but leaves unfinished runs RUNNING in the store, so the
 * next process resumes them. Thread-safe.
 */
public final class Executor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

    private final Store store;
    private final Engine engine;
    private final LockKeeper locks;
    private final IdGenerator ids;
    private final Owner owner;
    private final Map<String, RunProcess> active = new ConcurrentHashMap<>();
    /** Runs this executor has claimed: from before their lock is taken until they end here. */
    private final java.util.Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService workers;

    Executor(ExecutorSpec spec, Store store, Path home) {
        this.store = Objects.requireNonNull(store, "store");
        this.ids = spec.ids() != null ? spec.ids() : IdGenerator.timeBased(spec.clock(), spec.random());
        this.owner = Owner.current(ids.next("executor"));
        this.timer = new ScheduledThreadPoolExecutor(1, daemon("inception-timer"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.workers = Executors.newFixedThreadPool(spec.workerThreads(), daemon("inception-stage"));
        this.locks = new LockKeeper(store, owner, spec.lockStaleAfter(), claimed::contains);
        this.engine = new Engine(store, home.toAbsolutePath(), spec.stages(), spec.clock(), spec.random(), workers,
                timer, spec.defaultStageTimeout(), locks);
        long beat = spec.heartbeatEvery().toMillis();
        timer.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    }

    /** Begins the settings of an executor that knows these stage types. */
    public static ExecutorSpec withStages(Stage... stages) {
        return ExecutorSpec.of(List.of(stages));
    }

    /** Begins the settings of an executor that knows these stage types. */
    public static ExecutorSpec withStages(List<? extends Stage> stages) {
        return ExecutorSpec.of(List.copyOf(stages));
    }

    /**
     * Creates a run of {@code pipeline} on {@code environment} and starts it in the background.
     *
     * @return the run id
     * @throws RunLockedException       when another run of the pipeline holds the target (after the
     *                                  options' lock wait); the message names that run
     * @throws IllegalArgumentException when a stage type has no implementation
     */
    public String start(PipelineDef pipeline, Environment environment, RunOptions options)
            throws InterruptedException {
        checkStageTypes(pipeline);
        String target = options.target() != null ? options.target() : environment.name();
        String runId = ids.next("r");
        claimed.add(runId);
        try {
            locks.acquire(pipeline.name(), target, runId, options.lockWait(), timer);
        } catch (RuntimeException | InterruptedException e) {
            claimed.remove(runId);
            throw e;
        }
        java.time.Instant now = engine.clock().instant();
        Run run = new Run(runId, pipeline.name(), pipeline.commit(), target, options.buildId(),
                ExecutionStatus.RUNNING, now, now, null);
        try {
            store.createRun(new NewRun(run, pipeline, environment));
        } catch (RuntimeException e) {
            locks.release(runId);
            claimed.remove(runId);
            throw e;
        }
        LOG.info("run {} of pipeline '{}' on '{}' started", runId, pipeline.name(), target);
        launch(runId, pipeline, environment, false);
        return runId;
    }

    /**
     * Continues a run that was interrupted (its process was killed): completed stages are skipped,
     * the interrupted stage is called again with its checkpoints. A run already executing here is
     * left alone.
     *
     * @throws IllegalArgumentException when no such run exists
     * @throws IllegalStateException    when the run is already complete
     * @throws RunLockedException       when a live process still executes it
     */
    public String resume(String runId) {
        Run run = store.runs().find(runId)
                .orElseThrow(() -> new IllegalArgumentException("no run '" + runId + "' in " + store.url()));
        if (run.status().isComplete()) {
            throw new IllegalStateException("run " + runId + " is already " + run.status() + "; nothing to resume");
        }
        if (active.containsKey(runId)) return runId;
        PipelineDef pipeline = store.runs().definition(runId).orElseThrow();
        Environment environment = store.runs().environment(runId).orElseThrow();
        checkStageTypes(pipeline);
        if (!claimed.add(runId)) return runId; // another thread is resuming it right now
        try {
            locks.acquire(run.pipeline(), run.target(), runId, Duration.ZERO, timer);
        } catch (InterruptedException e) {
            claimed.remove(runId);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while locking run " + runId, e);
        } catch (RuntimeException e) {
            claimed.remove(runId);
            throw e;
        }
        LOG.info("resuming run {} of pipeline '{}' on '{}'", runId, run.pipeline(), run.target());
        launch(runId, pipeline, environment, true);
        return runId;
    }

    /**
     * Resumes every run left RUNNING by a process that is gone; runs still held by a live process are
     * left to it. This is what a restarted {@code inception server} does.
     *
     * @return the ids of the runs resumed
     */
    public List<String> resumeInterrupted() {
        List<String> resumed = new ArrayList<>();
        for (Run run : store.runs().withStatus(ExecutionStatus.RUNNING)) {
            if (active.containsKey(run.id())) continue;
            try {
                resume(run.id());
                resumed.add(run.id());
            } catch (RunLockedException e) {
                LOG.info("not resuming run {}: {}", run.id(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("cannot resume run {}: {}", run.id(), e.getMessage(), e);
            }
        }
        return resumed;
    }

    /**
     * Cancels a run. Executed here: its stage sees the cancellation, is interrupted, and the run
     * ends CANCELED. Executed by another live process: that process is asked through the store and
     * cancels it at its next heartbeat. Left by a dead process: it is marked CANCELED directly.
     *
     * @return false when the run is unknown or already complete
     */
    public boolean cancel(String runId) {
        RunProcess process = active.get(runId);
        if (process != null) return process.cancel("requested");
        Optional<Run> run = store.runs().find(runId);
        if (run.isEmpty() || run.get().status().isComplete()) return false;
        store.runs().requestCancel(runId);
        boolean liveHolder = store.locks().heldBy(runId).filter(lock -> !locks.isStale(lock)).isPresent();
        if (!liveHolder) cancelOrphan(runId);
        return true;
    }

    private void cancelOrphan(String runId) {
        java.time.Instant now = engine.clock().instant();
        store.stages().list(runId).stream().filter(s -> s.status() == ExecutionStatus.RUNNING
                        || s.status() == ExecutionStatus.WAITING)
                .forEach(s -> store.stages().complete(runId, s.index(), ExecutionStatus.CANCELED,
                        "canceled: requested while no process was executing the run", null, now));
        store.runs().finish(runId, ExecutionStatus.CANCELED, now);
        store.locks().heldBy(runId).ifPresent(lock -> store.locks().release(runId, lock.owner()));
    }

    /**
     * Waits until the run is complete and returns it. Works for runs executed here and elsewhere.
     *
     * @throws TimeoutException when it is still running after {@code timeout}
     */
    public Run awaitCompletion(String runId, Duration timeout) throws TimeoutException, InterruptedException {
        RunProcess process = active.get(runId);
        if (process != null) {
            try {
                return process.completion().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new TimeoutException("run " + runId + " not complete after " + timeout.toSeconds() + " s");
            } catch (ExecutionException e) {
                // abandoned here; fall through to what the store says
            }
        }
        return Polling.await(timer, () -> store.runs().find(runId).filter(r -> r.status().isComplete()),
                Duration.ofMillis(200), timeout, "run " + runId);
    }

    /** Ids of the runs this executor is executing now. */
    public List<String> activeRuns() {
        return List.copyOf(active.keySet());
    }

    /** The store this executor writes to. */
    public Store store() {
        return store;
    }

    /** Stops the threads; unfinished runs stay RUNNING in the store for a later resume. */
    @Override
    public void close() {
        locks.closed();
        for (RunProcess process : List.copyOf(active.values())) process.abandon("executor closed");
        timer.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void launch(String runId, PipelineDef pipeline, Environment environment, boolean resumed) {
        RunProcess process = new RunProcess(engine, runId, pipeline, environment, p -> {
            active.remove(p.runId(), p);
            claimed.remove(p.runId());
        });
        active.put(runId, process);
        process.begin(store.stages().list(runId), resumed);
    }

    private void checkStageTypes(PipelineDef pipeline) {
        for (StageDef s : pipeline.stages()) {
            if (!engine.stages().containsKey(s.type())) {
                throw new IllegalArgumentException("pipeline '" + pipeline.name() + "', stage '" + s.name()
                        + "': no stage implementation for type '" + s.type() + "'; known types: "
                        + engine.stages().keySet());
            }
        }
    }

    /** Refreshes held locks; stops runs whose lock was taken over; honours cancel requests. */
    private void heartbeat() {
        for (RunProcess process : List.copyOf(active.values())) {
            try {
                if (!locks.heartbeat(process.runId())) {
                    process.abandon("its run lock was taken over by another process");
                } else if (store.runs().isCancelRequested(process.runId())) {
                    process.cancel("requested through the store");
                }
            } catch (RuntimeException e) {
                LOG.warn("heartbeat of run {} failed: {}", process.runId(), e.getMessage());
            }
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
