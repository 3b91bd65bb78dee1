package io.inception.cluster.rollout;

import io.inception.cluster.CellRegions;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.ClusterNode;
import io.inception.cluster.Eventually;
import io.inception.cluster.WorkQueue;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.model.ExecutionStatus;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Nodes that list a region take the waves of the region's cells, and only those. */
class RegionZonesTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void aNodeOfRegionDfwTakesTheWavesOfCellC1InDfwAndANodeOfOrdNeverDoes() {
        String url = "jdbc:h2:mem:regions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (SandboxCells cells = new SandboxCells(dir, 8, 2); Store store = Store.open(url);
             SshFleet planner = SshFleet.open(cells.settings)) {
            DataSource ds = ClusterDatabase.dataSource(url);
            Clock clock = Clock.systemUTC();
            try (WaveNodes nodes = new WaveNodes(ds, store, cells)) {
                // started before any cell is known to be in a region: they learn it from the shared table
                ClusterNode dfw = nodes.start("node-dfw", "dfw");
                ClusterNode ord = nodes.start("node-ord", "ord");
                assertThat(dfw.admitted()).containsExactly("dfw");

                EnvironmentFile file = cells.environment(Map.of("c1", "dfw", "c2", "ord"), "");
                CellRollouts.publishRegions(new CellRegions(ds), file, clock.instant());
                Map<String, String> rollouts = CellRollouts.start(new RolloutEngine(store.rollouts(), planner,
                        new InMemoryDrain(), clock, IdGenerator.sequential("rz-")), new WorkQueue(ds, clock),
                        SandboxCells.spec(), cells.hosts);

                Eventually.await(() -> rollouts.values().stream().allMatch(id -> store.rollouts().find(id).orElseThrow()
                        .status().isComplete()), WAIT, "both cells rolled out", nodes.journal::toString);
                assertThat(dfw.admitted()).containsExactly("dfw", "c1");
                assertThat(ord.admitted()).containsExactly("ord", "c2");
                assertThat(nodes.of(rollouts.get("c1"))).as("c1's waves").hasSize(3).allMatch(l -> l.startsWith("node-dfw "));
                assertThat(nodes.of(rollouts.get("c2"))).as("c2's waves").hasSize(3).allMatch(l -> l.startsWith("node-ord "));
                for (String id : rollouts.values()) {
                    assertThat(store.rollouts().find(id).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                }
                for (SandboxHost h : cells.sandbox.hosts()) {
                    assertThat(h.state().installCount("nova-compute")).as("%s upgraded once", h.name()).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void aCellLeavingTheRegionIsNoLongerClaimedByTheRegionsNodes() {
        String url = "jdbc:h2:mem:regions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Store store = Store.open(url); SandboxCells cells = new SandboxCells(dir, 2, 2)) {
            DataSource ds = ClusterDatabase.dataSource(url);
            CellRegions regions = new CellRegions(ds);
            regions.publish("qe", Map.of("c1", "dfw", "c2", "dfw"), Set.of(), Clock.systemUTC().instant());
            regions.publish("staging", Map.of("s1", "ord"), Set.of(), Clock.systemUTC().instant());
            assertThat(regions.cellsOf(Set.of("dfw"))).containsExactly("c1", "c2");
            try (WaveNodes nodes = new WaveNodes(ds, store, cells)) {
                ClusterNode dfw = nodes.start("node-dfw", "dfw,c9");
                assertThat(dfw.admitted()).containsExactly("dfw", "c9", "c1", "c2");

                regions.publish("qe", Map.of("c1", "dfw"), Set.of("c2"), Clock.systemUTC().instant());
                Eventually.await(() -> dfw.admitted().equals(Set.of("dfw", "c9", "c1")), WAIT, "c2 no longer admitted",
                        () -> dfw.admitted().stream().collect(Collectors.joining(",")));
            }
        }
    }
}
