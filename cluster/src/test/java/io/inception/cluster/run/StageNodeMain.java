package io.inception.cluster.run;

import io.inception.cluster.ClusterConfig;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.ClusterNode;
import io.inception.cluster.JournalFile;
import io.inception.cluster.Zones;
import io.inception.engine.executor.Executor;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.store.Store;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A cluster node executing pipeline stages, in its own JVM, for {@link ClusterStageFailoverIT} to
 * start and {@code kill -9}. Its stage types ({@link #stages}) journal every step to a shared file.
 * Runs until killed. Args: JDBC URL, node id, zones, journal file, home directory.
 */
public final class StageNodeMain {
    private StageNodeMain() {
    }

    /** The stage types of the test's pipeline, as node {@code node} executes them. */
    static List<io.inception.engine.stage.Stage> stages(String node, Path journal) {
        return List.of(new StepsStage(node, "one", 1, Duration.ofMillis(50), JournalFile.at(journal)),
                new StepsStage(node, "checkpointing", 40, Duration.ofMillis(150), JournalFile.at(journal)));
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String nodeId = args[1];
        Path journal = Path.of(args[3]);
        Clock clock = Clock.systemUTC();
        Store store = Store.open(url);
        Executor executor = Executor.withStages(stages(nodeId, journal)).withIds(IdGenerator.sequential(nodeId + "-"))
                .open(store, Path.of(args[4]));
        DataSource pool = ClusterDatabase.dataSource(url, 12);
        ClusterStages stages = ClusterStages.install(executor, pool, clock);
        ClusterConfig config = ClusterConfig.of(nodeId, Zones.parse(args[2])).withHeartbeat(Duration.ofMillis(500), 4)
                .withPollInterval(Duration.ofMillis(200));
        ClusterNode node = ClusterNode.start(pool, config, List.of(stages.work()),
                List.of(stages.orphanSweep(Duration.ofSeconds(1))), clock);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            executor.close();
            store.close();
        }));
        System.out.println("node " + nodeId + " up");
        new CountDownLatch(1).await();
    }
}
