package io.inception.engine.executor;

import io.inception.engine.model.Run;

import java.time.Instant;

/** How the execution of a claimed stage ({@link Executor#executeClaimed}) ended in this process. */
public sealed interface StageTurn {
    /** The run is complete (its last stage succeeded, a stage failed or timed out, the run was cancelled). */
    record RunEnded(Run run) implements StageTurn {
    }

    /** The stage is complete and stage {@code nextIndex} was handed to the dispatch; the run goes on elsewhere. */
    record HandedOn(int nextIndex) implements StageTurn {
    }

    /**
     * The stage waits a long time (an approval, a gate): its state is stored (WAITING, with its
     * checkpoints) and whoever claims it at {@code checkAgainAt} calls it again.
     */
    record Parked(int index, Instant checkAgainAt, String progress) implements StageTurn {
    }

    /**
     * The stage stopped here without its outcome (handed back by a stopping node, its lock taken
     * over, a store failure): the run stays RUNNING with the stage's checkpoints, to be claimed again.
     */
    record Abandoned(String reason) implements StageTurn {
    }
}
