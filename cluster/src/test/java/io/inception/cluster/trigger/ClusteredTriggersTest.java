package io.inception.cluster.trigger;

import io.inception.cluster.ClusterConfig;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.ClusterNode;
import io.inception.cluster.Eventually;
import io.inception.cluster.Sweep;
import io.inception.cluster.Zones;
import io.inception.engine.scheduler.LsRemoteBranchHeads;
import io.inception.engine.scheduler.TriggerEvent;
import io.inception.engine.scheduler.TriggerScheduler;
import io.inception.engine.scheduler.TrunkMovedTrigger;
import io.inception.engine.store.Store;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Two in-process cluster nodes on one H2 store, one trunk-moved trigger on a local git repository. */
class ClusteredTriggersTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private final String url = "jdbc:h2:mem:triggers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000";
    private final Store store = Store.open(url);
    private final DataSource dataSource = ClusterDatabase.dataSource(url);
    private final List<ClusterNode> nodes = new ArrayList<>();
    private final List<String> fires = new CopyOnWriteArrayList<>();
    private final AtomicInteger ticks = new AtomicInteger();

    @AfterEach
    void close() {
        nodes.forEach(ClusterNode::close);
        store.close();
    }

    private void node(String id, TrunkMovedTrigger trigger) {
        TriggerScheduler scheduler = new TriggerScheduler(List.of(trigger), (TriggerEvent e) -> fires.add(id + " " + e.sha()),
                store.triggerStates(), new LsRemoteBranchHeads(Duration.ofSeconds(5)), Clock.systemUTC());
        ClusterConfig config = ClusterConfig.of(id, Zones.parse("")).withHeartbeat(Duration.ofMillis(200), 4)
                .withPollInterval(Duration.ofMillis(100));
        Sweep sweep = ClusteredTriggers.sweep(scheduler, Clock.systemUTC(), Duration.ofMillis(200));
        Sweep counted = new Sweep(sweep.name(), sweep.every(), () -> {
            sweep.action().run();
            ticks.incrementAndGet();
        });
        nodes.add(ClusterNode.start(dataSource, config, List.of(), List.of(counted), Clock.systemUTC()));
    }

    @Test
    void onePushStartsOneRunWhateverNodeEvaluatesTheTriggers() throws Exception {
        Path trunk = dir.resolve("trunk");
        try (Git git = Git.init().setDirectory(trunk.toFile()).setInitialBranch("master").call()) {
            commit(git, trunk, "first");
            TrunkMovedTrigger trigger = new TrunkMovedTrigger("trunk-moved", trunk.toString(), "master", Duration.ofSeconds(1));
            node("node-a", trigger);
            node("node-b", trigger);
            Eventually.await(() -> store.triggerStates().load("trunk-moved").map(s -> s.lastSha() != null).orElse(false),
                    WAIT, "trunk's head taken as baseline", fires::toString);

            RevCommit pushed = commit(git, trunk, "second");
            Eventually.await(() -> !fires.isEmpty(), WAIT, "the push fired the trigger", fires::toString);
            int ticksAtFire = ticks.get();
            // polls of both nodes after the fire (each node polls every second: 1 s poll interval)
            Eventually.await(() -> ticks.get() >= ticksAtFire + 15, WAIT, "15 more ticks of the cluster's trigger sweep",
                    () -> ticks.get() + " ticks");

            assertThat(fires).as("one fire in the whole cluster").hasSize(1).singleElement().asString()
                    .endsWith(" " + pushed.name());
            assertThat(store.triggerStates().load("trunk-moved").orElseThrow().lastSha()).isEqualTo(pushed.name());
        }
    }

    private static RevCommit commit(Git git, Path trunk, String content) throws Exception {
        Files.writeString(trunk.resolve("README"), content);
        git.add().addFilepattern("README").call();
        return git.commit().setMessage(content).setAuthor("Dev", "dev@example.org").setCommitter("Dev", "dev@example.org")
                .setSign(false).call();
    }
}
