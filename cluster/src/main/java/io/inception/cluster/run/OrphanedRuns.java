package io.inception.cluster.run;

import io.inception.cluster.Sweep;
import io.inception.engine.executor.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Failover of pipeline runs. A run is claimed by the node executing it through the engine's run lock,
 * whose holder renews a heartbeat; the lock of a dead node goes stale. This sweep — run by one node of
 * the cluster at a time — resumes every RUNNING run whose holder is gone on the node that claimed
 * the sweep: completed stages are skipped and the interrupted stage is called again with its
 * checkpoints. Runs held by a live node are left to it.
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
