package io.inception.engine.executor;

import io.inception.engine.model.Environment;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageDef;
import io.inception.engine.model.StageRun;
import io.inception.engine.stage.FailureClassifier;
import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run being executed in this process: a small state machine that calls the current stage,
 * persists every transition, and schedules the next call (a poll, a retry, the next stage).
 *
 * <p>Calls of {@link Stage#execute} run on worker threads; every transition happens under this
 * object's monitor and carries a generation number, so a result that arrives after a timeout, a
 * cancel or an abandon is dropped. The store's conditional updates give the same guarantee across
 * processes: a completed stage is never written again, hence never run again.
 *
 * <p>With a hand-off {@link StageDispatch}, a process executes at most its claimed stage: reaching
 * any other stage it queues it through the dispatch and ends here, leaving the run RUNNING with its
 * lock; a long wait of the claimed stage parks it. {@link #turn()} says how the process ended.
 */
final class RunProcess {
    private static final Logger LOG = LoggerFactory.getLogger(RunProcess.class);
    /** The claimed stage of a process that was not started by a cluster claim. */
    static final int NO_CLAIM = -1;

    private final Engine engine;
    private final String runId;
    private final PipelineDef pipeline;
    private final Environment environment;
    private final Consumer<RunProcess> onEnd;
    private final int claimedStage;
    private final RunCancellation cancellation = new RunCancellation();
    private final CompletableFuture<Run> done = new CompletableFuture<>();
    private final CompletableFuture<StageTurn> turn = new CompletableFuture<>();

    // guarded by this
    private int current = -1;
    private int attempt;
    private long generation;
    private boolean finished;
    private Future<?> pending;
    private Future<?> timeout;
    private boolean calling;
    private String handingBack;

    /** @param claimedStage the stage a cluster claim asks this process to execute, or {@link #NO_CLAIM} */
    RunProcess(Engine engine, String runId, PipelineDef pipeline, Environment environment, Consumer<RunProcess> onEnd,
               int claimedStage) {
        this.engine = engine;
        this.runId = runId;
        this.pipeline = pipeline;
        this.environment = environment;
        this.onEnd = onEnd;
        this.claimedStage = claimedStage;
    }

    String runId() {
        return runId;
    }

    CompletableFuture<Run> completion() {
        return done;
    }

    /** Completed when this process ends, however it ends. */
    CompletableFuture<StageTurn> turn() {
        return turn;
    }

    /** Starts or resumes from the stored stage states: completed stages are skipped. */
    synchronized void begin(List<StageRun> stored, boolean resumed) {
        for (StageRun s : stored) {
            if (s.status().isHalt()) {
                // the crash came after the stage's outcome was stored but before the run's
                finish(s.status());
                return;
            }
            if (!s.status().isComplete()) {
                startStage(s.index(), Math.max(1, s.attempt()), resumed ? s : null);
                return;
            }
        }
        finish(ExecutionStatus.SUCCEEDED);
    }

    /** Starts stage {@code index} here, or hands it to the dispatch; {@code stored} is its state when resumed. */
    private void startStage(int index, int firstAttempt, StageRun stored) {
        StageDef def = pipeline.stages().get(index);
        if (index != claimedStage && engine.dispatch().handsOff()) {
            handOff(index, def);
            return;
        }
        // a parked stage continued by its next claim was not interrupted: no note for it
        boolean continuesParked = claimed() && stored != null && stored.status() == ExecutionStatus.WAITING;
        if (stored != null && stored.status() != ExecutionStatus.NOT_STARTED && !continuesParked) {
            int checkpoints = engine.store().checkpoints().all(runId, def.name()).size();
            note(def.name(), "INFO", "resumed after an interruption: attempt " + stored.attempt() + " continues with "
                    + checkpoints + " checkpoint(s)");
        }
        current = index;
        attempt = firstAttempt;
        Duration limit = def.timeout() != null ? def.timeout() : engine.defaultStageTimeout();
        if (limit != null) {
            Duration left = timeLeft(limit, stored);
            timeout = engine.timer().schedule(() -> onTimeout(index, limit), left.toMillis(), TimeUnit.MILLISECONDS);
        }
        callAfter(Duration.ZERO);
    }

    private boolean claimed() {
        return claimedStage != NO_CLAIM;
    }

    /**
     * A claimed stage may be parked and continued by several nodes, so its timeout counts from its
     * first start (wall time); otherwise from when this process began the stage.
     */
    private Duration timeLeft(Duration limit, StageRun stored) {
        if (!claimed() || stored == null || stored.startedAt() == null) return limit;
        Duration left = limit.minus(Duration.between(stored.startedAt(), engine.clock().instant()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Ends the process here and queues stage {@code index} through the dispatch; the run keeps its lock. */
    private void handOff(int index, StageDef def) {
        letGo("continues elsewhere: stage '" + def.name() + "' was handed off");
        try {
            engine.dispatch().handOff(new StageTicket(runId, pipeline.name(), index, def));
            LOG.info("run {}: stage '{}' handed off", runId, def.name());
            turn.complete(new StageTurn.HandedOn(index));
        } catch (RuntimeException e) {
            LOG.error("run {}: stage '{}' could not be handed off; the run stays RUNNING and its stage is queued"
                    + " again once its lock is stale", runId, def.name(), e);
            turn.complete(new StageTurn.Abandoned("hand-off of stage '" + def.name() + "' failed: " + e.getMessage()));
        }
    }

    /** Ends the process here while the claimed stage waits long: whoever claims it at the next check continues. */
    private void park(int index, StageDef def, Duration after, String progress) {
        java.time.Instant at = engine.clock().instant().plus(after);
        letGo("waits elsewhere: stage '" + def.name() + "' parked until " + at);
        LOG.info("run {}: stage '{}' parked until {}: {}", runId, def.name(), at, progress);
        turn.complete(new StageTurn.Parked(index, at, progress));
    }

    /** Ends the process here without writing the run, which goes on elsewhere or later; keeps the lock. */
    private void letGo(String why) {
        finished = true;
        cancelTimeout();
        onEnd.accept(this);
        done.completeExceptionally(new IllegalStateException("run " + runId + " " + why));
    }

    /** How long a claimed stage's wait is parked, or empty when it is polled in place. */
    private Optional<Duration> parking(Duration after, boolean idle) {
        if (!claimed()) return Optional.empty();
        if (engine.dispatch().parkWaitsFrom().filter(from -> after.compareTo(from) >= 0).isPresent()) {
            return Optional.of(after);
        }
        if (!idle) return Optional.empty();
        return engine.dispatch().parkIdleWaitsFor().map(least -> after.compareTo(least) >= 0 ? after : least);
    }

    /** Schedules the next call of the current stage, unless the stage is being handed back. */
    private void callAfter(Duration delay) {
        if (handingBack != null) {
            abandon(handingBack);
            return;
        }
        calling = false; // the next call is scheduled, not in progress
        long gen = ++generation;
        if (delay.isZero() || delay.isNegative()) {
            pending = engine.workers().submit(() -> executeOnce(gen));
        } else {
            pending = engine.timer().schedule(() -> callNow(gen), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void callNow(long gen) {
        if (finished || gen != generation) return;
        pending = engine.workers().submit(() -> executeOnce(gen));
    }

    /** One call of the stage, on a worker thread. */
    private void executeOnce(long gen) {
        int index;
        int thisAttempt;
        synchronized (this) {
            if (finished || gen != generation) return;
            index = current;
            thisAttempt = attempt;
            calling = true;
        }
        StageDef def = pipeline.stages().get(index);
        MDC.put("run", runId);
        MDC.put("stage", def.name());
        try {
            if (!engine.store().stages().markRunning(runId, index, thisAttempt, engine.clock().instant())) {
                LOG.warn("stage '{}' is already complete in the store; not running it again", def.name());
                synchronized (this) {
                    if (gen == generation && !finished) abandon("stage completed elsewhere");
                }
                return;
            }
            StageResult result = call(def, thisAttempt);
            if (result != null) onResult(gen, index, thisAttempt, result);
        } catch (RuntimeException e) {
            // the store failed while recording a transition: leave the run RUNNING for a resume
            LOG.error("store failure in run {} stage '{}'; the run stays RUNNING and can be resumed", runId,
                    def.name(), e);
            synchronized (this) {
                abandon("store failure: " + e.getMessage());
            }
        } finally {
            synchronized (this) {
                if (gen == generation) calling = false;
                if (handingBack != null && !finished) abandon(handingBack);
            }
            MDC.remove("stage");
            MDC.remove("run");
            Thread.interrupted(); // do not leak an interrupt to the pool's next task
        }
    }

    /** Calls the stage; null when the call ended because the run was stopped meanwhile. */
    private StageResult call(StageDef def, int thisAttempt) {
        Stage stage = engine.stages().get(def.type());
        if (stage == null) {
            return StageResult.Failed.permanent("no stage implementation for type '" + def.type() + "'; known: "
                    + engine.stages().keySet());
        }
        StoredStageContext context = new StoredStageContext(engine.store(), engine.home(), runId, pipeline, def, thisAttempt,
                environment, cancellation);
        try {
            StageResult result = stage.execute(context);
            return result != null ? result
                    : StageResult.Failed.permanent("stage type '" + def.type() + "' returned no result (a bug)");
        } catch (InterruptedException | CancellationException e) {
            if (cancellation.isCancelled()) return null;
            return FailureClassifier.classify(e);
        } catch (Exception e) {
            if (cancellation.isCancelled()) return null;
            LOG.warn("stage '{}' threw {}", def.name(), e.toString());
            return FailureClassifier.classify(e);
        }
    }

    private synchronized void onResult(long gen, int index, int thisAttempt, StageResult result) {
        if (finished || gen != generation) return; // late: the stage already timed out or was cancelled
        StageDef def = pipeline.stages().get(index);
        if (result instanceof StageResult.Succeeded s) {
            succeed(index, def, s);
        } else if (result instanceof StageResult.Running r) {
            engine.store().stages().markWaiting(runId, index, r.progress());
            Duration after = r.checkAgainAfter() == null ? Duration.ZERO : r.checkAgainAfter();
            Optional<Duration> parking = parking(after, r.idle());
            if (parking.isPresent()) {
                park(index, def, parking.get(), r.progress());
            } else {
                callAfter(after);
            }
        } else if (result instanceof StageResult.Failed f) {
            fail(index, def, thisAttempt, f);
        }
    }

    private void succeed(int index, StageDef def, StageResult.Succeeded s) {
        try {
            engine.store().stages().complete(runId, index, ExecutionStatus.SUCCEEDED, s.summary(), s.output(),
                    engine.clock().instant());
        } catch (IllegalArgumentException badOutput) {
            String reason = "output of stage '" + def.name() + "' cannot be stored: " + badOutput.getMessage();
            engine.store().stages().complete(runId, index, ExecutionStatus.FAILED, reason, null,
                    engine.clock().instant());
            note(def.name(), "ERROR", reason);
            finish(ExecutionStatus.FAILED);
            return;
        }
        recordBuildFact(def, s);
        cancelTimeout();
        if (index + 1 < pipeline.stages().size()) {
            startStage(index + 1, 1, null);
        } else {
            finish(ExecutionStatus.SUCCEEDED);
        }
    }

    /**
     * A stage's output is also a fact of the run's build, under the stage's name, so the build record
     * gathers what every stage made of it (merge report, test counts, packages, ...).
     */
    private void recordBuildFact(StageDef def, StageResult.Succeeded s) {
        if (s.output() == null) return;
        engine.store().runs().find(runId).map(io.inception.engine.model.Run::buildId)
                .ifPresent(buildId -> engine.store().builds().putFact(buildId, def.name(), s.output()));
    }

    private void fail(int index, StageDef def, int thisAttempt, StageResult.Failed f) {
        int max = def.retry().maxAttempts();
        if (f.transientFailure() && thisAttempt < max) {
            Duration wait = Backoff.before(def.retry(), thisAttempt + 1, engine.random());
            String message = "attempt " + thisAttempt + " of " + max + " failed: " + f.reason() + "; retrying in "
                    + wait.toMillis() + " ms";
            note(def.name(), "WARN", message);
            engine.store().stages().markWaiting(runId, index, message);
            attempt = thisAttempt + 1;
            callAfter(wait);
            return;
        }
        String reason = f.transientFailure() && max > 1 ? f.reason() + " (gave up after " + max + " attempts)"
                : f.reason();
        engine.store().stages().complete(runId, index, ExecutionStatus.FAILED, reason, null, engine.clock().instant());
        note(def.name(), "ERROR", reason);
        finish(ExecutionStatus.FAILED);
    }

    private synchronized void onTimeout(int index, Duration limit) {
        if (finished || current != index) return;
        StageDef def = pipeline.stages().get(index);
        withMdc(def.name(), () -> {
            String reason = "stage '" + def.name() + "' timed out after " + limit.toSeconds() + " s";
            stopStage(reason);
            engine.store().stages().complete(runId, index, ExecutionStatus.TIMED_OUT, reason, null,
                    engine.clock().instant());
            note(def.name(), "ERROR", reason);
            finish(ExecutionStatus.TIMED_OUT);
        });
    }

    /** Cancels the run: the current stage sees its Cancellation and is interrupted; both end CANCELED. */
    synchronized boolean cancel(String why) {
        if (finished) return false;
        String stageName = current >= 0 ? pipeline.stages().get(current).name() : null;
        withMdc(stageName, () -> {
            stopStage("canceled: " + why);
            if (current >= 0) {
                engine.store().stages().complete(runId, current, ExecutionStatus.CANCELED, "canceled: " + why, null,
                        engine.clock().instant());
                note(stageName, "WARN", "canceled: " + why);
            }
            finish(ExecutionStatus.CANCELED);
        });
        return true;
    }

    /**
     * Hands the stage back: the call in progress finishes and its outcome is stored, then the process
     * ends without calling the stage again (abandoned); between two calls it ends at once.
     */
    synchronized void handBack(String why) {
        if (finished) return;
        handingBack = why;
        if (!calling) abandon(why);
    }

    /**
     * Stops executing the run in this process without writing its state (the executor closes, the
     * lock was taken over): the run stays RUNNING in the store and can be resumed.
     */
    synchronized void abandon(String why) {
        if (finished) return;
        finished = true;
        stopStage(why);
        LOG.warn("run {} left RUNNING in the store: {}", runId, why);
        done.completeExceptionally(new IllegalStateException("run " + runId + " is no longer executed here: " + why));
        onEnd.accept(this);
        turn.complete(new StageTurn.Abandoned(why));
    }

    private void stopStage(String why) {
        cancellation.cancel(why);
        generation++;
        if (pending != null) pending.cancel(true);
        cancelTimeout();
    }

    private void cancelTimeout() {
        if (timeout != null) timeout.cancel(false);
        timeout = null;
    }

    private void finish(ExecutionStatus status) {
        finished = true;
        cancelTimeout();
        engine.store().runs().finish(runId, status, engine.clock().instant());
        engine.locks().release(runId);
        LOG.info("run {} of pipeline '{}' finished: {}", runId, pipeline.name(), status);
        onEnd.accept(this);
        Run run = engine.store().runs().find(runId).orElseThrow();
        done.complete(run);
        turn.complete(new StageTurn.RunEnded(run));
    }

    private void note(String stage, String severity, String message) {
        engine.store().logs().append(runId, stage, severity, message);
    }

    private void withMdc(String stage, Runnable action) {
        MDC.put("run", runId);
        if (stage != null) MDC.put("stage", stage);
        try {
            action.run();
        } finally {
            MDC.remove("stage");
            MDC.remove("run");
        }
    }
}
