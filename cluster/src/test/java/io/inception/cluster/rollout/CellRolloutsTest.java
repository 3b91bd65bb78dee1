package io.inception.cluster.rollout;

import io.inception.cluster.ClusterConfig;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.ClusterNode;
import io.inception.cluster.ClusterWork;
import io.inception.cluster.Eventually;
import io.inception.cluster.WorkQueue;
import io.inception.cluster.Zones;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.rollout.HostPhase;
import io.inception.engine.rollout.HostRecord;
import io.inception.engine.rollout.InMemoryDrain;
import io.inception.engine.rollout.RolloutEngine;
import io.inception.engine.store.Store;
import io.inception.sandbox.ssh.SandboxHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** A rollout over two cells as per-cell wave work, on in-process nodes and an H2 store. */
class CellRolloutsTest {
    @TempDir
    Path dir;

    @Test
    void eachCellsWavesRunOnANodeOfItsZoneOneWaveAtATime() {
        String url = "jdbc:h2:mem:cells-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (SandboxCells cells = new SandboxCells(dir, 8, 2); Store store = Store.open(url);
             SshFleet planner = SshFleet.open(cells.settings)) {
            DataSource ds = ClusterDatabase.dataSource(url);
            Clock clock = Clock.systemUTC();
            Queue<String> ran = new ConcurrentLinkedQueue<>();
            Map<String, String> rollouts = CellRollouts.start(new RolloutEngine(store.rollouts(), planner, new InMemoryDrain(),
                    clock, IdGenerator.sequential("p-")), new WorkQueue(ds, clock), SandboxCells.spec(), cells.hosts);
            assertThat(rollouts).containsOnlyKeys("c1", "c2");

            try (ClusterNode c1 = node(ds, "node-c1", "c1", store, cells, ran);
                 ClusterNode c2 = node(ds, "node-c2", "c2", store, cells, ran);
                 ClusterNode other = node(ds, "node-c9", "c9", store, cells, ran)) {
                Eventually.await(() -> rollouts.values().stream().allMatch(id -> store.rollouts().find(id).orElseThrow()
                        .status().isComplete()), Duration.ofSeconds(60), "both cells' rollouts complete", ran::toString);
            }

            for (Map.Entry<String, String> cell : rollouts.entrySet()) {
                assertThat(store.rollouts().find(cell.getValue()).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                List<HostRecord> hosts = store.rollouts().hosts(cell.getValue());
                assertThat(hosts).allMatch(h -> h.phase() == HostPhase.DONE && h.host().cell().equals(cell.getKey()));
                assertThat(hosts).extracting(HostRecord::wave).containsExactly(0, 1, 1, 2);
                assertThat(ran).filteredOn(r -> r.contains(cell.getValue()))
                        .as("waves 0, 1, 2 of %s, each once, on the node of zone %s", cell.getKey(), cell.getKey())
                        .containsExactly("node-" + cell.getKey() + " " + cell.getValue() + " wave 0",
                                "node-" + cell.getKey() + " " + cell.getValue() + " wave 1",
                                "node-" + cell.getKey() + " " + cell.getValue() + " wave 2");
            }
            for (SandboxHost h : cells.sandbox.hosts()) {
                assertThat(h.state().installCount("nova-compute")).as("%s upgraded once", h.name()).isEqualTo(1);
                assertThat(h.state().version("nova-compute")).contains("2.0-1");
            }
        }
    }

    @Test
    void aStoppingNodeHandsItsWaveOverWithoutWaitingForTheHeartbeatTimeout() {
        String url = "jdbc:h2:mem:handover-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (SandboxCells cells = new SandboxCells(dir, 4, 1); Store store = Store.open(url);
             SshFleet planner = SshFleet.open(cells.settings)) {
            for (SandboxHost h : cells.sandbox.hosts()) {
                h.slowDelay(Duration.ofMillis(100));
                h.inject(io.inception.sandbox.ssh.HostFault.SLOW);
            }
            DataSource ds = ClusterDatabase.dataSource(url);
            Clock clock = Clock.systemUTC();
            Queue<String> ran = new ConcurrentLinkedQueue<>();
            String id = CellRollouts.start(new RolloutEngine(store.rollouts(), planner, new InMemoryDrain(), clock,
                    IdGenerator.sequential("h-")), new WorkQueue(ds, clock), SandboxCells.spec(), cells.hosts).get("c1");
            ClusterNode first = node(ds, "node-1", "c1", store, cells, ran);
            Eventually.await(() -> store.rollouts().hosts(id).stream().anyMatch(h -> h.wave() == 1 && h.phase().inFlight()),
                    Duration.ofSeconds(60), "the second wave in flight", ran::toString);
            first.close(); // graceful: hosts in flight finish, the wave goes back to the queue
            assertThat(store.rollouts().find(id).orElseThrow().status()).as("handed over, not cancelled")
                    .isEqualTo(ExecutionStatus.RUNNING);
            assertThat(new WorkQueue(ds, clock).items()).singleElement()
                    .satisfies(c -> assertThat(c.claimedBy()).as("released at once").isEmpty());

            try (ClusterNode second = node(ds, "node-2", "c1", store, cells, ran)) {
                Eventually.await(() -> store.rollouts().find(id).orElseThrow().status() == ExecutionStatus.SUCCEEDED,
                        Duration.ofSeconds(60), "the rollout succeeded", ran::toString);
            }
            assertThat(store.rollouts().find(id).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(ran).as("node-2 continued the wave node-1 handed back").contains("node-2 " + id + " wave 1");
            for (SandboxHost h : cells.sandbox.hosts()) {
                assertThat(h.state().installCount("nova-compute")).as("%s upgraded once", h.name()).isEqualTo(1);
            }
        }
    }

    private static ClusterNode node(DataSource ds, String id, String zones, Store store, SandboxCells cells, Queue<String> ran) {
        RolloutWaveWork waves = new RolloutWaveWork(store.rollouts(), env -> cells.settings, new InMemoryDrain(),
                Clock.systemUTC(), IdGenerator.sequential(id + "-"), Duration.ofSeconds(1));
        ClusterWork journaled = new JournaledWork(id, waves, ran::add);
        ClusterConfig config = ClusterConfig.of(id, Zones.parse(zones)).withHeartbeat(Duration.ofMillis(300), 4)
                .withPollInterval(Duration.ofMillis(100));
        return ClusterNode.start(ds, config, List.of(journaled), List.of(), Clock.systemUTC());
    }
}
