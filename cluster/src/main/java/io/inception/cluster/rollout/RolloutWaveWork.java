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
import java.util.function.Function;

/**
 * Work kind {@code rollout-wave}: one wave of one cell's rollout, bound to the cell's zone. The item's
 * id is the cell's rollout (planned by {@link CellRollouts}), its data the wave index. Executing it
 * calls the {@link RolloutEngine} for that wave, which persists every host's phase on each
 * transition: a node that takes over a dead node's wave re-checks the hosts left in flight and skips
 * those done, so no host is upgraded twice and none is lost. A wave done queues the next one (any
 * node of the zone may take it); a pause or manual gate is rechecked later.
 */
public final class RolloutWaveWork implements ClusterWork {
    public static final String KIND = "rollout-wave";

    private final RolloutStore store;
    private final Function<String, FleetSettings> fleets;
    private final Drain drain;
    private final Clock clock;
    private final IdGenerator ids;
    private final Duration gateRecheck;

    /**
     * @param fleets      how to log in to the hosts of an environment (by name)
     * @param gateRecheck how soon a rollout waiting at a pause or a manual gate is looked at again
     */
    public RolloutWaveWork(RolloutStore store, Function<String, FleetSettings> fleets, Drain drain, Clock clock,
                           IdGenerator ids, Duration gateRecheck) {
        this.store = store;
        this.fleets = fleets;
        this.drain = drain;
        this.clock = clock;
        this.ids = ids;
        this.gateRecheck = gateRecheck;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public WorkOutcome execute(WorkItem item, java.util.function.BooleanSupplier stopping) {
        int wave = Integer.parseInt(item.data().isEmpty() ? "0" : item.data());
        Optional<RolloutRecord> rollout = store.find(item.id());
        if (rollout.isEmpty()) return new WorkOutcome.Done("no rollout " + item.id() + " in the store");
        RolloutSummary summary;
        try (SshFleet fleet = SshFleet.open(fleets.apply(rollout.get().spec().environment()))) {
            RolloutEngine engine = new RolloutEngine(store, fleet, drain, clock, ids);
            summary = engine.runThrough(item.id(), wave, stopping);
        }
        ExecutionStatus status = store.find(item.id()).orElseThrow().status();
        if (status == ExecutionStatus.CANCELED && stopping.getAsBoolean()) {
            // the engine stopped starting hosts because this node is stopping, not because a user cancelled
            store.setStatus(item.id(), ExecutionStatus.RUNNING, "handed over by a stopping node");
        }
        return next(wave, status, stopping.getAsBoolean(), summary.line(), gateRecheck);
    }

    /** What follows a wave's execution, from the rollout's stored status. */
    static WorkOutcome next(int wave, ExecutionStatus status, boolean stopping, String line, Duration gateRecheck) {
        switch (status) {
            case RUNNING:
                return new WorkOutcome.Again(String.valueOf(wave + 1), Duration.ZERO, "wave " + (wave + 1) + " done: " + line);
            case WAITING:
                return new WorkOutcome.Again(String.valueOf(wave), gateRecheck, "waiting: " + line);
            case CANCELED:
                // the engine stopped starting hosts because this node is stopping: another node continues
                if (stopping) return new WorkOutcome.Again(String.valueOf(wave), Duration.ZERO, "handed over: " + line);
                return new WorkOutcome.Done("cancelled: " + line);
            default:
                return new WorkOutcome.Done(status + ": " + line);
        }
    }
}
