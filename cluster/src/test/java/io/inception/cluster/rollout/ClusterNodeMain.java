package io.inception.cluster.rollout;

import io.inception.cluster.ClusterConfig;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.ClusterNode;
import io.inception.cluster.JournalFile;
import io.inception.cluster.Zones;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.SshKey;
import io.inception.engine.rollout.InMemoryDrain;
import io.inception.engine.store.Store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A cluster node in its own JVM, for {@link ClusterFailoverIT} to start and {@code kill -9}: executes
 * rollout waves of its zones and journals each execution to a shared file. Runs until killed.
 * Args: JDBC URL, node id, zones, known_hosts, private key file, SSH user, journal file.
 */
public final class ClusterNodeMain {
    private ClusterNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String nodeId = args[1];
        FleetSettings settings = FleetSettings.of(args[5], SshKey.fromFile(Path.of(args[4])), Path.of(args[3]))
                .withConnectTimeout(Duration.ofSeconds(5));
        Path journal = Path.of(args[6]);
        Clock clock = Clock.systemUTC();
        Store store = Store.open(url);
        RolloutWaveWork waves = new RolloutWaveWork(store.rollouts(), env -> settings, new InMemoryDrain(), clock,
                IdGenerator.sequential(nodeId + "-"), Duration.ofSeconds(1));
        ClusterConfig config = ClusterConfig.of(nodeId, Zones.parse(args[2])).withHeartbeat(Duration.ofMillis(500), 4)
                .withPollInterval(Duration.ofMillis(200));
        ClusterNode node = ClusterNode.start(ClusterDatabase.dataSource(url, 12), config,
                List.of(new JournaledWork(nodeId, waves, JournalFile.at(journal))), List.of(), clock);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            store.close();
        }));
        System.out.println("node " + nodeId + " up");
        new CountDownLatch(1).await();
    }
}
