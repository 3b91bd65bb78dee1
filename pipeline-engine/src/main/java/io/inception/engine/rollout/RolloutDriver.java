package io.inception.engine.rollout;

import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;

import java.util.function.Supplier;

/**
 * How the {@code rollout} stage drives a rollout once it knows what to roll out (SPI). The stage
 * resolves the environment's fleet, its drain and the spec; the driver plans, records what it planned
 * as checkpoints of the stage (so that a stage called again after {@code kill -9} never plans twice),
 * and reports on every call: {@code Running} with one line of progress until the rollout is complete,
 * then {@code Succeeded} with a {@link RolloutSummary} as output, or {@code Failed}.
 * {@link LocalRolloutDriver} runs every host from this process (the default); the cluster module's
 * queued driver plans one rollout per cell and queues each cell's waves for the nodes of its zone.
 */
public interface RolloutDriver {
    /**
     * One call of the stage.
     *
     * @param context the stage's context: checkpoints, cancellation, log, run id
     * @param fleet   the environment's hosts and login
     * @param drain   how hosts are drained (used where hosts are upgraded from this process)
     * @param plan    what to roll out, computed only when something is still to be planned
     */
    StageResult drive(StageContext context, RolloutTargets.Fleet fleet, Drain drain, Supplier<Plan> plan);

    /** What the stage would plan. */
    sealed interface Plan {
        /** Roll out {@code spec}. */
        record Ready(RolloutSpec spec) implements Plan {
        }

        /** Nothing can be planned, for {@code reason} (the stage fails permanently). */
        record Refused(String reason) implements Plan {
        }
    }
}
