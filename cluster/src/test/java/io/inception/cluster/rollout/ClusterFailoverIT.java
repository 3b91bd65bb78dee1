package io.inception.cluster.rollout;

import io.inception.cluster.ChildJvm;
import io.inception.cluster.Claim;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.Eventually;
import io.inception.cluster.WorkQueue;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.rollout.HostPhase;
import io.inception.engine.rollout.HostRecord;
import io.inception.engine.rollout.InMemoryDrain;
import io.inception.engine.rollout.RolloutEngine;
import io.inception.engine.store.LocalPostgres;
import io.inception.engine.store.Store;
import io.inception.sandbox.ssh.HostFault;
import io.inception.sandbox.ssh.SandboxHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three Inception nodes as separate JVMs on one PostgreSQL: node-a and node-b reach cell c1, node-c
 * reaches c2. A rollout over both cells runs as per-cell wave work; the node executing c1's second
 * wave is killed with SIGKILL while its hosts are in flight, and the other c1 node finishes that wave
 * from the stored host states, then the last wave. No host is upgraded twice, none is left behind,
 * and no node runs work of a cell it does not reach.
 */
class ClusterFailoverIT {
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void theOtherNodeOfTheZoneFinishesTheWaveOfAKilledNode() throws Exception {
        String url = LocalPostgres.shared().newDatabase("cluster_failover");
        Path journal = dir.resolve("journal.txt");
        Files.createFile(journal);
        Map<String, ChildJvm> nodes = new LinkedHashMap<>();
        try (SandboxCells cells = new SandboxCells(dir, 8, 2); Store store = Store.open(url);
             SshFleet planner = SshFleet.open(cells.settings)) {
            for (SandboxHost h : cells.sandbox.hosts()) {
                h.slowDelay(Duration.ofMillis(100));
                h.inject(HostFault.SLOW);
            }
            Map<String, String> zones = Map.of("node-a", "c1", "node-b", "c1", "node-c", "c2");
            for (String node : List.of("node-a", "node-b", "node-c")) {
                nodes.put(node, ChildJvm.start(node, ClusterNodeMain.class, dir.resolve(node + ".log"), url, node,
                        zones.get(node), cells.settings.knownHosts().toString(), cells.sandbox.privateKeyFile().toString(),
                        cells.sandbox.user(), journal.toString()));
            }
            WorkQueue queue = new WorkQueue(ClusterDatabase.dataSource(url), Clock.systemUTC());
            Map<String, String> rollouts = CellRollouts.start(new RolloutEngine(store.rollouts(), planner, new InMemoryDrain(),
                    Clock.systemUTC(), IdGenerator.sequential("it-")), queue, SandboxCells.spec(), cells.hosts);
            String c1 = rollouts.get("c1");
            String c2 = rollouts.get("c2");

            // c1's second wave (2 hosts at once) under way: its hosts in flight
            List<String> inFlightBeforeKill = new ArrayList<>();
            Eventually.await(() -> {
                List<String> inFlight = store.rollouts().hosts(c1).stream().filter(h -> h.wave() == 1 && h.phase().inFlight())
                        .map(h -> h.host().name()).toList();
                inFlightBeforeKill.addAll(inFlight);
                return !inFlight.isEmpty();
            }, WAIT, "c1's second wave with hosts in flight", () -> tails(nodes));
            Claim claim = queue.items().stream().filter(c -> c.id().equals(c1)).findFirst().orElseThrow();
            String victim = claim.claimedBy().orElseThrow(() -> new AssertionError("c1's wave not claimed: " + claim));
            assertThat(victim).isIn("node-a", "node-b");
            ChildJvm killed = nodes.get(victim);
            killed.process().destroyForcibly();
            assertThat(killed.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(killed.process().exitValue()).as("killed by SIGKILL").isEqualTo(137);
            int journalAtKill = Files.readAllLines(journal).size();

            Eventually.await(() -> List.of(c1, c2).stream().allMatch(id -> store.rollouts().find(id).orElseThrow()
                    .status().isComplete()), WAIT, "both cells' rollouts complete", () -> tails(nodes));

            for (String id : List.of(c1, c2)) {
                assertThat(store.rollouts().find(id).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(store.rollouts().hosts(id)).as("every host of %s done", id).allMatch(h -> h.phase() == HostPhase.DONE);
            }
            for (SandboxHost h : cells.sandbox.hosts()) {
                assertThat(h.state().installCount("nova-compute")).as("%s upgraded exactly once", h.name()).isEqualTo(1);
                assertThat(h.state().version("nova-compute")).contains("2.0-1");
                assertThat(h.state().serviceActive("nova-compute")).isTrue();
            }
            String survivor = victim.equals("node-a") ? "node-b" : "node-a";
            List<String> lines = Files.readAllLines(journal);
            assertThat(lines.subList(journalAtKill, lines.size())).as("the survivor of zone c1 resumed the killed wave")
                    .contains(survivor + " " + c1 + " wave 1", survivor + " " + c1 + " wave 2");
            for (String name : inFlightBeforeKill) {
                assertThat(store.rollouts().hosts(c1)).filteredOn(h -> h.host().name().equals(name))
                        .extracting(HostRecord::phase).containsExactly(HostPhase.DONE);
            }
            Map<String, List<String>> byNode = lines.stream().collect(Collectors.groupingBy(l -> l.split(" ")[0]));
            assertThat(byNode.getOrDefault("node-c", List.of())).as("node-c reaches only c2").isNotEmpty()
                    .allMatch(l -> l.contains(" " + c2 + " "));
            List<String> c1Nodes = new ArrayList<>(byNode.getOrDefault("node-a", List.of()));
            c1Nodes.addAll(byNode.getOrDefault("node-b", List.of()));
            assertThat(c1Nodes).as("node-a and node-b reach only c1").allMatch(l -> l.contains(" " + c1 + " "));
            // the last wave's item leaves the queue just after its rollout is stored complete
            Eventually.await(() -> queue.items().isEmpty(), WAIT, "no work left queued", () -> queue.items().toString());
        } finally {
            for (ChildJvm n : nodes.values()) {
                n.process().destroyForcibly();
                n.process().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String tails(Map<String, ChildJvm> nodes) {
        return nodes.values().stream().map(ChildJvm::tail).collect(Collectors.joining("\n"));
    }

}
