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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
    private final AtomicReference<StageDispatch> dispatch;

    Executor(ExecutorSpec spec, Store store, Path home) {
        this.store = Objects.requireNonNull(store, "store");
        this.ids = spec.ids() != null ? spec.ids() : IdGenerator.timeBased(spec.clock(), spec.random());
        this.owner = Owner.current(ids.next("executor"));
        this.timer = new ScheduledThreadPoolExecutor(1, daemon("inception-timer"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.workers = Executors.newFixedThreadPool(spec.workerThreads(), daemon("inception-stage"));
        this.dispatch = new AtomicReference<>(spec.stageDispatch());
        this.locks = new LockKeeper(store, owner, spec.lockStaleAfter(), claimed::contains,
                runId -> dispatch.get().holdsRun(runId));
        this.engine = new Engine(store, home.toAbsolutePath(), spec.stages(), spec.clock(), spec.random(), workers,
                timer, spec.defaultStageTimeout(), locks, dispatch);
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
        launch(runId, pipeline, environment, false, RunProcess.NO_CLAIM, null);
        return runId;
    }

    /**
     * Continues a run that was interrupted (its process was killed): completed stages are skipped,
     * the interrupted stage is called again with its checkpoints. A run already executing here is
     * left alone.
     *
     * @throws IllegalArgumentException when no such run exists
     * @throws IllegalStateException    when the run is already complete
     * @throws RunLockedException       when a live process still executes it, or a stage of it is
     *                                  queued or claimed in the cluster (it continues there)
     */
    public String resume(String runId) {
        Run run = store.runs().find(runId)
                .orElseThrow(() -> new IllegalArgumentException("no run '" + runId + "' in " + store.url()));
        if (run.status().isComplete()) {
            throw new IllegalStateException("run " + runId + " is already " + run.status() + "; nothing to resume");
        }
        if (active.containsKey(runId)) return runId;
        refuseIfHeldElsewhere(runId);
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
        launch(runId, pipeline, environment, true, RunProcess.NO_CLAIM, null);
        return runId;
    }

    /**
     * Executes stage {@code stageIndex} of {@code runId} here because this node claimed it from the
     * cluster's queue. The claim is the authority on who executes the run now: the run's lock is
     * taken over for this process (a lock held by another run still excludes it). The stage runs as
     * any stage does (retries, polls, timeout, checkpoints, cancel) and resumes from its checkpoints
     * when a node died executing it; then the next stage goes to the dispatch. A claimed stage already
     * complete in the store (its node died before queueing the next) just hands on the next one.
     *
     * @return completed when the run's process ends here, saying how
     * @throws IllegalArgumentException when there is no such run or stage, or a stage type has no
     *                                  implementation here
     */
    public CompletableFuture<StageTurn> executeClaimed(String runId, int stageIndex) {
        Run run = store.runs().find(runId)
                .orElseThrow(() -> new IllegalArgumentException("no run '" + runId + "' in " + store.url()));
        if (run.status().isComplete()) return CompletableFuture.completedFuture(new StageTurn.RunEnded(run));
        PipelineDef pipeline = store.runs().definition(runId).orElseThrow();
        if (stageIndex < 0 || stageIndex >= pipeline.stages().size()) {
            throw new IllegalArgumentException("run " + runId + " has no stage " + stageIndex + " (pipeline '"
                    + pipeline.name() + "' has " + pipeline.stages().size() + ")");
        }
        Environment environment = store.runs().environment(runId).orElseThrow();
        checkStageTypes(pipeline);
        if (active.containsKey(runId) || !claimed.add(runId)) {
            return CompletableFuture.completedFuture(new StageTurn.Abandoned("run " + runId + " is already executed"
                    + " by this process"));
        }
        try {
            locks.claim(run.pipeline(), run.target(), runId);
        } catch (RunLockedException e) {
            claimed.remove(runId);
            return CompletableFuture.completedFuture(new StageTurn.Abandoned(e.getMessage()));
        } catch (RuntimeException e) {
            claimed.remove(runId);
            throw e;
        }
        // a cancel requested while the stage was queued: the stage is not called
        String cancel = store.runs().isCancelRequested(runId) ? "requested through the store" : null;
        return launch(runId, pipeline, environment, true, stageIndex, cancel).turn();
    }

    /**
     * Hands a claimed stage executed here back (its node is stopping): the call of the stage in
     * progress finishes and its outcome is stored, then the run's process ends here without polling
     * again ({@link StageTurn.Abandoned}); the run stays RUNNING for the next claim.
     *
     * @return false when the run is not executed here
     */
    public boolean handBack(String runId, String why) {
        RunProcess process = active.get(runId);
        if (process == null) return false;
        process.handBack(why);
        return true;
    }

    /**
     * Sets where stages execute from now on: the seam through which a cluster node that starts after
     * the executor (as {@code inception server --cluster} does) installs its hand-off dispatch. Stages
     * executing now finish where they are; the next stage of every run goes through {@code stageDispatch}.
     */
    public void useStageDispatch(StageDispatch stageDispatch) {
        dispatch.set(Objects.requireNonNull(stageDispatch, "stageDispatch"));
    }

    /**
     * Resumes every run left RUNNING by a process that is gone; runs still held by a live process, or
     * with a stage queued or claimed in the cluster, are left to it. This is what a restarted
     * {@code inception server} does, and in a cluster the sweep of orphaned runs: with a hand-off
     * dispatch, resuming a run queues its current stage.
     *
     * @return the ids of the runs resumed
     */
    public List<String> resumeInterrupted() {
        List<String> resumed = new ArrayList<>();
        for (Run run : store.runs().withStatus(ExecutionStatus.RUNNING)) {
            if (active.containsKey(run.id()) || dispatch.get().holdsRun(run.id())) continue;
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
        // a run between two cluster claims has no live holder: nobody would read the request until its
        // next claim (hours, for a parked approval), so it is cancelled at once
        boolean liveHolder = store.locks().heldBy(runId).filter(lock -> !locks.holderGone(lock)).isPresent();
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

    private RunProcess launch(String runId, PipelineDef pipeline, Environment environment, boolean resumed,
                              int claimedStage, String cancel) {
        RunProcess process = new RunProcess(engine, runId, pipeline, environment, p -> {
            active.remove(p.runId(), p);
            claimed.remove(p.runId());
        }, claimedStage);
        active.put(runId, process);
        synchronized (process) { // no call of the stage starts between begin and cancel
            process.begin(store.stages().list(runId), resumed);
            if (cancel != null) process.cancel(cancel);
        }
        return process;
    }

    /** A run with a stage queued or claimed in the cluster continues there, not here. */
    private void refuseIfHeldElsewhere(String runId) {
        if (!dispatch.get().holdsRun(runId)) return;
        store.locks().heldBy(runId).ifPresent(lock -> {
            throw new RunLockedException("run " + runId + " has a stage queued or claimed in the cluster; it"
                    + " continues on the node that claims it", lock);
        });
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
