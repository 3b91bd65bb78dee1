package io.inception.engine.rollout;

import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.stage.Parameters;
import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code rollout} stage. The first call plans the rollout and records its id as a checkpoint;
 * the rollout then runs in the background while {@code execute} returns {@code Running} with its
 * progress. After a restart the executor calls {@code execute} again: the checkpoint names the
 * rollout, which resumes from the hosts' stored phases. With an environment file behind the
 * targets ({@link EnvironmentTargets}) the plan is the file's (waves, gates, failure budget,
 * {@code rollout:} section) and the stage's parameters given explicitly override it. At a pause or
 * manual gate the stage stays Running ("waiting for approval ...") until the gate opens. When the
 * run is cancelled (or times out) the background rollout starts no further host and is left
 * CANCELED, resumable. Output: {@link RolloutSummary}.
 */
public final class RolloutStage implements Stage {
    static final String CHECKPOINT = "rollout-id";
    private static final Duration POLL = Duration.ofSeconds(2);

    private final RolloutStore store;
    private final RolloutTargets targets;
    private final Drain drain;
    private final Clock clock;
    private final IdGenerator ids;
    /** Rollouts this process is running now, by id (process state, not run state: gone after a restart). */
    private final Map<String, CompletableFuture<RolloutSummary>> active = new ConcurrentHashMap<>();

    public RolloutStage(RolloutStore store, RolloutTargets targets, Drain drain, Clock clock, IdGenerator ids) {
        this.store = store;
        this.targets = targets;
        this.drain = drain;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public String type() {
        return RolloutStageType.ROLLOUT.name();
    }

    @Override
    public StageResult execute(StageContext context) {
        String environment = context.environment().name();
        RolloutTargets.Fleet fleet = targets.forRun(context);
        String id = context.checkpoints().get(CHECKPOINT).orElse(null);
        if (id == null) {
            context.cancellation().throwIfCancelled();
            RolloutSpec spec = spec(context, fleet);
            id = new RolloutEngine(store, null, drain, clock, ids).plan(spec, fleet.hosts());
            context.checkpoints().put(CHECKPOINT, id);
            context.log().info("rollout " + id + " planned: " + fleet.hosts().size() + " hosts, version " + spec.version());
        }
        String rolloutId = id;
        CompletableFuture<RolloutSummary> job = active.computeIfAbsent(rolloutId, k -> start(k, fleet, context));
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

    private CompletableFuture<RolloutSummary> start(String id, RolloutTargets.Fleet fleet, StageContext context) {
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

    static RolloutSpec spec(StageContext context, RolloutTargets.Fleet fleet) {
        Parameters p = context.params();
        String build = context.build().map(b -> b.id()).orElse(context.runId());
        if (fleet.environment().isPresent()) {
            return overrides(p, EnvironmentTargets.spec(fleet.environment().get(), build, p.string("version"),
                    p.string("apt-source")));
        }
        RolloutSpec spec = RolloutSpec.of(context.environment().name(), build, p.string("version"), p.string("apt-source"));
        spec = spec.withPackage(p.optionalString("package").orElse("nova-compute"));
        List<Object> waves = p.list("waves");
        if (!waves.isEmpty()) spec = spec.withWaves(RolloutSpec.parseWaves(String.join(",", waves.stream().map(String::valueOf).toList())));
        spec = spec.withMaxParallel((int) p.optional("max-parallel", Number.class).map(Number::longValue).orElse(50L).longValue());
        spec = p.optionalString("failure-budget").map(FailureBudgetPolicy::parse).map(spec::withBudget).orElse(spec);
        if (p.optionalString("cell-order").orElse("parallel").equals("one-at-a-time")) spec = spec.withCellOrder(CellOrder.ONE_AT_A_TIME);
        spec = spec.withRollbackAll(p.optionalString("rollback").orElse("failed").equals("all"));
        return p.optional("command-timeout", Duration.class).map(spec::withCommandTimeout).orElse(spec);
    }

    /** The environment's plan with the parameters the stage gives explicitly. */
    private static RolloutSpec overrides(Parameters p, RolloutSpec spec) {
        Map<String, Object> given = p.asMap();
        if (given.containsKey("package")) spec = spec.withPackage(p.string("package"));
        if (given.containsKey("waves")) {
            spec = spec.withWaves(RolloutSpec.parseWaves(String.join(",", p.list("waves").stream().map(String::valueOf).toList())));
        }
        if (given.containsKey("max-parallel")) spec = spec.withMaxParallel((int) p.number("max-parallel"));
        if (given.containsKey("failure-budget")) spec = spec.withBudget(FailureBudgetPolicy.parse(p.string("failure-budget")));
        if (given.containsKey("cell-order")) {
            spec = spec.withCellOrder(p.string("cell-order").equals("one-at-a-time") ? CellOrder.ONE_AT_A_TIME : CellOrder.PARALLEL);
        }
        if (given.containsKey("rollback")) spec = spec.withRollbackAll(p.string("rollback").equals("all"));
        return p.optional("command-timeout", Duration.class).map(spec::withCommandTimeout).orElse(spec);
    }
}
