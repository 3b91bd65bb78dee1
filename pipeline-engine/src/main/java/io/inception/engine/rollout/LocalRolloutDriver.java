package io.inception.engine.rollout;

import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Drives a rollout from the process executing the stage: the first call plans it and records its id
 * as the checkpoint {@code rollout-id}; the rollout then runs in a background thread of this process
 * while the stage returns {@code Running}; at a pause or manual gate the stage stays Running; when the
 * run is cancelled (or times out) the rollout starts no further host and is left CANCELED, resumable.
 */
public final class LocalRolloutDriver implements RolloutDriver {
    static final String CHECKPOINT = "rollout-id";
    private static final Duration POLL = Duration.ofMillis(500);

    private final RolloutStore store;
    private final Clock clock;
    private final IdGenerator ids;
    /** Rollouts this process is running now, by id (process state, not run state: gone after a restart). */
    private final Map<String, CompletableFuture<RolloutSummary>> active = new ConcurrentHashMap<>();

    public LocalRolloutDriver(RolloutStore store, Clock clock, IdGenerator ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public StageResult drive(StageContext context, RolloutTargets.Fleet fleet, Drain drain, Supplier<Plan> plan) {
        String id = context.checkpoints().get(CHECKPOINT).orElse(null);
        if (id == null) {
            context.cancellation().throwIfCancelled();
            Plan p = plan.get();
            if (p instanceof Plan.Refused refused) return StageResult.Failed.permanent("rollout: " + refused.reason());
            RolloutSpec spec = ((Plan.Ready) p).spec();
            id = new RolloutEngine(store, null, drain, clock, ids).plan(spec, fleet.hosts());
            context.checkpoints().put(CHECKPOINT, id);
            context.log().info("rollout " + id + " planned: " + fleet.hosts().size() + " hosts, version " + spec.version());
        }
        String rolloutId = id;
        CompletableFuture<RolloutSummary> job = active.computeIfAbsent(rolloutId, k -> start(k, fleet, drain, context));
        if (!job.isDone()) {
            return StageResult.running(POLL, new RolloutEngine(store, null, drain, clock, ids).summary(rolloutId).line());
        }
        active.remove(rolloutId);
        RolloutSummary summary = job.join();
        if (summary.status() == ExecutionStatus.WAITING) {
            context.cancellation().throwIfCancelled();
            return StageResult.running(POLL, summary.line());
        }
        if (summary.status() == ExecutionStatus.CANCELED) context.cancellation().throwIfCancelled();
        context.log().info(summary.line());
        summary.failed().forEach(f -> context.log().warn(f));
        if (summary.status() == ExecutionStatus.SUCCEEDED) return StageResult.succeeded(summary.line(), summary);
        return StageResult.Failed.permanent("rollout " + rolloutId + ": " + summary.line());
    }

    private CompletableFuture<RolloutSummary> start(String id, RolloutTargets.Fleet fleet, Drain drain, StageContext context) {
        Map<String, String> mdc = Map.of("run", context.runId(), "stage", context.stage().name());
        return CompletableFuture.supplyAsync(() -> {
            MDC.setContextMap(mdc);
            try (SshFleet ssh = SshFleet.open(fleet.settings())) {
                return new RolloutEngine(store, ssh, drain, clock, ids).run(id, context.cancellation()::isCancelled);
            } finally {
                MDC.clear();
            }
        }, runnable -> {
            Thread t = new Thread(runnable, "rollout-" + id);
            t.setDaemon(true);
            t.start();
        });
    }
}
