package io.inception.app.cluster;

import io.inception.app.rollout.RolloutDrains;
import io.inception.cluster.CellRegions;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.WorkQueue;
import io.inception.cluster.rollout.QueuedRolloutDriver;
import io.inception.cluster.rollout.RolloutWaveWork;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.rollout.EnvironmentTargets;
import io.inception.engine.rollout.LocalRolloutDriver;
import io.inception.engine.rollout.RolloutDriver;
import io.inception.engine.store.Store;
import io.inception.inova.environment.Credentials;
import io.inception.inova.environment.InovaConnector;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The rollout in a cluster: the {@code rollout} stage's driver on a node (one rollout per cell, each
 * cell's waves queued for the nodes of its zone or region) and the wave work a node executes.
 */
public final class ClusterRollouts {
    private ClusterRollouts() {
    }

    /**
     * How the {@code rollout} stage drives its rollout: queued per cell on a cluster node, else from this
     * process as always. The queue's small connection pool is closed with {@code resources}.
     */
    public static RolloutDriver driver(boolean cluster, Store store, Clock clock, IdGenerator ids,
                                       List<AutoCloseable> resources) {
        if (!cluster) return new LocalRolloutDriver(store.rollouts(), clock, ids);
        DataSource pool = ClusterDatabase.dataSource(store.connectionUrl().reveal(), 2);
        resources.add(() -> ClusterDatabase.close(pool));
        return new QueuedRolloutDriver(store.rollouts(), new WorkQueue(pool, clock), new CellRegions(pool), clock, ids,
                Duration.ofSeconds(2));
    }

    /**
     * The {@code rollout-wave} work of this node: logs in as the environment file says, drains through the
     * environment's Nova where it has a control plane (as the stage does on a single server); a wave of a
     * pipeline run whose run has ended (cancelled, timed out) is cancelled. The drains' clouds are closed
     * with {@code resources}.
     */
    static RolloutWaveWork waves(Store store, EnvironmentTargets targets, java.nio.file.Path baseDir, Clock clock,
                                 IdGenerator ids, List<AutoCloseable> resources) {
        RolloutDrains drains = RolloutDrains.of(new InovaConnector(new Credentials(System::getenv, baseDir),
                Optional.empty(), clock));
        resources.add(drains);
        return new RolloutWaveWork(store.rollouts(), env -> targets.forEnvironment(env).settings(),
                env -> drains.forEnvironment(env, targets.forEnvironment(env)), clock, ids, Duration.ofSeconds(10),
                run -> store.runs().find(run).map(r -> r.status().isComplete()).orElse(false));
    }
}
