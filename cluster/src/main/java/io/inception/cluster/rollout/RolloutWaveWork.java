package io.inception.cluster.rollout;

import io.inception.cluster.ClusterWork;
import io.inception.cluster.WorkItem;
import io.inception.cluster.WorkOutcome;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.rollout.Drain;
import io.inception.engine.rollout.RolloutEngine;
import io.inception.engine.rollout.RolloutRecord;
import io.inception.engine.rollout.RolloutStore;
import io.inception.engine.rollout.RolloutSummary;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Work kind {@code rollout-wave}: one wave of one cell's rollout, bound to the cell's zone. The item's
 * id is the cell's rollout (planned by {@link CellRollouts}), its data the wave index and, for a
 * rollout of a pipeline's stage, the run ({@link WaveProgress}). Executing it calls the
 * {@link RolloutEngine} for that wave, which persists every host's phase on each transition: a node
 * that takes over a dead node's wave re-checks the hosts left in flight and skips those done, so no
 * host is upgraded twice and none is lost. A wave done queues the next one (any node of the zone may
 * take it); a pause or manual gate is rechecked later. Once the run the rollout belongs to has ended
 * (cancelled, timed out), no further host is started and the rollout is left CANCELED.
 */
public final class RolloutWaveWork implements ClusterWork {
    public static final String KIND = "rollout-wave";

    private final RolloutStore store;
    private final Function<String, FleetSettings> fleets;
    private final Function<String, Drain> drains;
    private final Clock clock;
    private final IdGenerator ids;
    private final Duration gateRecheck;
    private final Predicate<String> runEnded;

    /** Waves of rollouts started outside pipeline runs (or whose runs are never looked at). */
    public RolloutWaveWork(RolloutStore store, Function<String, FleetSettings> fleets, Drain drain, Clock clock,
                           IdGenerator ids, Duration gateRecheck) {
        this(store, fleets, env -> drain, clock, ids, gateRecheck, run -> false);
    }

    /**
     * @param fleets      how to log in to the hosts of an environment (by name)
     * @param drains      how the hosts of an environment (by name) are drained (Nova's where it has a control plane)
     * @param gateRecheck how soon a rollout waiting at a pause or a manual gate is looked at again
     * @param runEnded    whether a pipeline run (by id) is complete: a rollout of a run that ended while it
     *                    still rolled out was given up by the run, and is cancelled
     */
    public RolloutWaveWork(RolloutStore store, Function<String, FleetSettings> fleets, Function<String, Drain> drains,
                           Clock clock, IdGenerator ids, Duration gateRecheck, Predicate<String> runEnded) {
        this.store = store;
        this.fleets = fleets;
        this.drains = drains;
        this.clock = clock;
        this.ids = ids;
        this.gateRecheck = gateRecheck;
        this.runEnded = runEnded;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public WorkOutcome execute(WorkItem item, BooleanSupplier stopping) {
        WaveProgress progress = WaveProgress.parse(item.data());
        Optional<RolloutRecord> rollout = store.find(item.id());
        if (rollout.isEmpty()) return new WorkOutcome.Done("no rollout " + item.id() + " in the store");
        BooleanSupplier runGone = () -> progress.run().filter(runEnded).isPresent();
        if (runGone.getAsBoolean()) return cancel(item.id(), rollout.get(), progress);
        RolloutSummary summary;
        String environment = rollout.get().spec().environment();
        Drain drain = drains.apply(environment);
        try (SshFleet fleet = SshFleet.open(fleets.apply(environment))) {
            RolloutEngine engine = new RolloutEngine(store, fleet, drain, clock, ids);
            summary = engine.runThrough(item.id(), progress.wave(), () -> stopping.getAsBoolean() || runGone.getAsBoolean());
        }
        RolloutRecord after = store.find(item.id()).orElseThrow();
        if (after.status() == ExecutionStatus.CANCELED && runGone.getAsBoolean()) return cancel(item.id(), after, progress);
        if (after.status() == ExecutionStatus.CANCELED && stopping.getAsBoolean()) {
            // the engine stopped starting hosts because this node is stopping, not because a user cancelled
            store.setStatus(item.id(), ExecutionStatus.RUNNING, "handed over by a stopping node");
        }
        return next(progress, after.status(), stopping.getAsBoolean(), summary.line(), gateRecheck);
    }

    private WorkOutcome cancel(String id, RolloutRecord rollout, WaveProgress progress) {
        String why = "cancelled: run " + progress.run().orElseThrow() + " ended";
        if (!rollout.status().isComplete() || rollout.status() == ExecutionStatus.CANCELED) {
            store.setStatus(id, ExecutionStatus.CANCELED, why);
        }
        return new WorkOutcome.Done(rollout.status().isComplete() && rollout.status() != ExecutionStatus.CANCELED
                ? rollout.status() + " before run " + progress.run().orElseThrow() + " ended" : why);
    }

    /** What follows a wave's execution, from the rollout's stored status. */
    static WorkOutcome next(WaveProgress progress, ExecutionStatus status, boolean stopping, String line, Duration gateRecheck) {
        int wave = progress.wave();
        switch (status) {
            case RUNNING:
                return new WorkOutcome.Again(progress.atWave(wave + 1).data(), Duration.ZERO, "wave " + (wave + 1) + " done: " + line);
            case WAITING:
                return new WorkOutcome.Again(progress.data(), gateRecheck, "waiting: " + line);
            case CANCELED:
                // the engine stopped starting hosts because this node is stopping: another node continues
                if (stopping) return new WorkOutcome.Again(progress.data(), Duration.ZERO, "handed over: " + line);
                return new WorkOutcome.Done("cancelled: " + line);
            default:
                return new WorkOutcome.Done(status + ": " + line);
        }
    }
}
