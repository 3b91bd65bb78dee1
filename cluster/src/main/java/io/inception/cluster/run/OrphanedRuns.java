package io.inception.cluster.run;

import io.inception.cluster.Sweep;
import io.inception.engine.executor.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * The safety net of run failover. Each stage of a run is a claimed item of the queue ({@link StageWork}),
 * taken over by another node when its node dies. A run can still be left with no item: its node was
 * killed between storing a stage done and queueing the next, or it was started (or last executed) by a
 * process that is not a node. This sweep — run by one node of the cluster at a time — resumes every
 * RUNNING run with no stage queued or claimed whose lock is stale; with the executor's dispatch set
 * to {@link ClusterStages}, resuming a run queues its current stage. Runs held by a live process are
 * left to it.
 */
public final class OrphanedRuns {
    public static final String NAME = "resume-orphaned-runs";
    private static final Logger LOG = LoggerFactory.getLogger(OrphanedRuns.class);

    private OrphanedRuns() {
    }

    /** The sweep over {@code executor}'s store, every {@code every}. */
    public static Sweep sweep(Executor executor, Duration every) {
        return new Sweep(NAME, every, () -> {
            List<String> resumed = executor.resumeInterrupted();
            if (!resumed.isEmpty()) LOG.info("resumed runs left by a dead node: {}", resumed);
        });
    }
}
