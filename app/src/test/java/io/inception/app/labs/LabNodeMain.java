package io.inception.app.labs;

import io.inception.cluster.ClusterConfig;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.ClusterNode;
import io.inception.cluster.Zones;
import io.inception.engine.merge.Secret;
import io.inception.engine.store.Store;
import io.inception.xen.lab.DbLabStore;
import io.inception.xen.lab.LabService;
import io.inception.xen.lab.PhysicalPool;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A cluster node executing lab work in its own JVM, for {@link LabNodeKillIT} to kill with -9:
 * {@code <jdbc-url> <node-id> <zone> <templates-dir> <pool-url> <pool-user>}, the pool's password in
 * {@code LAB_POOL_PASSWORD}. Heartbeat 500 ms; runs until killed.
 */
public final class LabNodeMain {
    private LabNodeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("h2.bindAddress", "127.0.0.1");
        Store store = Store.open(args[0]);
        PhysicalPool pool = new PhysicalPool("sandbox", args[4], args[5], new Secret(System.getenv("LAB_POOL_PASSWORD")),
                Optional.of(args[2]));
        LabService labs = LabService.standard(Path.of(args[3]), new DbLabStore(store.labs()), List.of(pool), Clock.systemUTC());
        ClusterConfig config = ClusterConfig.of(args[1], Zones.parse(args[2])).withHeartbeat(Duration.ofMillis(500), 4)
                .withPollInterval(Duration.ofMillis(100));
        ClusterNode.start(ClusterDatabase.dataSource(args[0]), config, LabWorks.works(labs), List.of(), Clock.systemUTC());
        System.out.println("lab node " + args[1] + " up");
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
