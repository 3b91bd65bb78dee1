package io.inception.cluster;

import io.inception.engine.store.Store;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims, zones and takeover of a dead node's claims, with in-process nodes on an H2 store. */
class ClusterClaimsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Store store;
    private DataSource dataSource;
    private WorkQueue queue;
    private final Recorder recorder = new Recorder();
    private final List<ClusterNode> nodes = new ArrayList<>();

    @BeforeEach
    void open() {
        String url = "jdbc:h2:mem:cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        store = Store.open(url);
        dataSource = ClusterDatabase.dataSource(url);
        queue = new WorkQueue(dataSource, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        nodes.forEach(ClusterNode::close);
        store.close();
    }

    private ClusterNode node(String id, String zones, int rounds) {
        ClusterConfig config = ClusterConfig.of(id, Zones.parse(zones)).withHeartbeat(Duration.ofMillis(200), 4)
                .withPollInterval(Duration.ofMillis(100)).withThreads(4);
        ClusterNode node = ClusterNode.start(dataSource, config, List.of(recorder.on(id, rounds)), List.of(), Clock.systemUTC());
        nodes.add(node);
        return node;
    }

    private static WorkItem probe(String zone, String id) {
        return new WorkItem("probe", Optional.ofNullable(zone), id, "");
    }

    @Test
    void workOfAZoneRunsOnlyOnNodesOfThatZoneAndZonelessWorkAnywhere() {
        queue.submit(probe("c9", "nobody-reaches-c9"));
        for (int i = 0; i < 6; i++) {
            queue.submit(probe("c1", "c1-" + i));
            queue.submit(probe("c2", "c2-" + i));
            queue.submit(probe(null, "any-" + i));
        }
        node("node-a", "c1", 1);
        node("node-b", "c2", 1);

        Eventually.await(() -> recorder.executions.size() >= 18, WAIT, "18 items executed", recorder.executions::toString);
        Eventually.await(() -> queue.items().size() == 1, WAIT, "only the c9 item left queued", () -> queue.items().toString());

        for (Recorder.Execution e : recorder.executions) {
            e.item().zone().ifPresent(z -> assertThat(e.node()).as("%s", e).isEqualTo(z.equals("c1") ? "node-a" : "node-b"));
        }
        assertThat(recorder.executions).extracting(e -> e.item().id()).doesNotHaveDuplicates().hasSize(18)
                .doesNotContain("nobody-reaches-c9");
        Claim left = queue.items().get(0);
        assertThat(left.id()).isEqualTo("nobody-reaches-c9");
        assertThat(left.zone()).contains("c9");
        assertThat(left.claimedBy()).as("never claimed by a node without zone c9").isEmpty();
        assertThat(new NodeRegistry(dataSource).list()).extracting(NodeRecord::nodeId, n -> n.zones().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("node-a", "c1"),
                        org.assertj.core.groups.Tuple.tuple("node-b", "c2"));
    }

    @Test
    void workThatIsNotDoneGoesBackToTheQueueWithItsProgress() {
        queue.submit(probe(null, "three-rounds"));
        node("node-a", "", 3);

        Eventually.await(() -> queue.items().isEmpty(), WAIT, "the item done", () -> recorder.executions.toString());

        assertThat(recorder.of("three-rounds")).extracting(e -> e.item().data()).containsExactly("", "1", "2");
    }

    @Test
    void aDeadNodesClaimIsTakenOverOnlyByANodeOfItsZone() {
        queue.submit(probe("c1", "left-in-c1"));
        queue.submit(probe("c2", "left-in-c2"));
        // a node that died while executing both: claimed, its heartbeat an hour old
        Jdbi.create(dataSource).useHandle(h -> h.createUpdate("UPDATE scheduled_tasks SET picked = TRUE,"
                + " picked_by = 'dead-node', last_heartbeat = :old").bind("old", Timestamp.from(Instant.now().minusSeconds(3600)))
                .execute());

        node("node-a", "c1", 1);
        Eventually.await(() -> !recorder.of("left-in-c1").isEmpty(), WAIT, "the c1 item taken over",
                () -> queue.items().toString());
        assertThat(recorder.of("left-in-c1")).extracting(Recorder.Execution::node).containsExactly("node-a");

        Claim c2 = queue.items().stream().filter(c -> c.id().equals("left-in-c2")).findFirst().orElseThrow();
        assertThat(c2.claimedBy()).as("node-a does not reach c2: the dead claim stays").contains("dead-node");
        assertThat(recorder.of("left-in-c2")).isEmpty();

        node("node-b", "c2", 1);
        Eventually.await(() -> queue.items().isEmpty(), WAIT, "the c2 item taken over by node-b",
                () -> queue.items().toString());
        assertThat(recorder.of("left-in-c2")).extracting(Recorder.Execution::node).containsExactly("node-b");
    }
}
