package io.inception.app.labs;

import io.inception.cluster.ClusterConfig;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.ClusterNode;
import io.inception.cluster.WorkQueue;
import io.inception.cluster.Zones;
import io.inception.engine.merge.Secret;
import io.inception.engine.store.Store;
import io.inception.engine.wait.WaitStrategy;
import io.inception.sandbox.xenapi.XenApiSimulator;
import io.inception.xen.api.XenApi;
import io.inception.xen.api.XenSession;
import io.inception.xen.lab.DbLabStore;
import io.inception.xen.lab.Lab;
import io.inception.xen.lab.LabOutcome;
import io.inception.xen.lab.LabRequest;
import io.inception.xen.lab.LabService;
import io.inception.xen.lab.PhysicalPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the node building a lab: a node in its own JVM ({@link LabNodeMain}) claims the build
 * and is killed once it has recorded VMs; a node of the same zone (in this JVM) takes the build over
 * after the heartbeat timeout, removes the half-built VMs and builds the lab: exactly the template's
 * VMs, none of those the dead node made. The two JVMs share one H2 file database (AUTO_SERVER).
 */
class LabNodeKillIT {
    @TempDir
    Path home;

    @Test
    void aLabWhoseBuildingNodeIsKilledIsFinishedByAnotherNodeWithExactlyTheTemplatesVms() throws Exception {
        System.setProperty("h2.bindAddress", "127.0.0.1");
        String url = Store.defaultUrl(home);
        Path templates = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && templates == null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("environments/labs"))) templates = p.resolve("environments/labs");
        }
        Clock clock = Clock.systemUTC();
        try (XenApiSimulator sim = XenApiSimulator.start(); Store store = Store.open(url)) {
            sim.faults().taskDelay(300); // every async XenAPI task takes 300 ms: a build lasts seconds
            List<PhysicalPool> pools = List.of(new PhysicalPool("sandbox", sim.url(), sim.username(),
                    new Secret(sim.password()), Optional.of("dfw")));
            DataSource dataSource = ClusterDatabase.dataSource(url);
            LabService labs = LabService.standard(templates, new DbLabStore(store.labs()), pools, clock);
            LabService front = LabWorks.queued(labs, new WorkQueue(dataSource, clock));
            String id = ((LabOutcome.Accepted) front.request(new LabRequest("dev1", "nested-3", null, null))).lab().id();

            ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    LabNodeMain.class.getName(), url, "node-a", "dfw", templates.toString(), sim.url(), sim.username())
                    .redirectErrorStream(true).redirectOutput(home.resolve("node-a.log").toFile());
            child.environment().put("LAB_POOL_PASSWORD", sim.password());
            Process nodeA = child.start();
            List<Lab.LabVm> madeByA;
            try {
                madeByA = WaitStrategy.of(Duration.ofSeconds(120), Duration.ofMillis(20)).poll(
                        "node-a recording VMs of lab " + id,
                        () -> labs.show(id).filter(l -> l.state() == Lab.State.CREATING && l.vms().size() >= 2)
                                .map(Lab::vms), () -> String.valueOf(labs.show(id)))
                        .orElseThrow(AssertionError::new);
            } finally {
                nodeA.destroyForcibly(); // SIGKILL
                nodeA.waitFor();
                System.out.println("node-a killed at " + java.time.Instant.now() + " (for docs/benchmarks.md)");
            }
            assertThat(labs.show(id).orElseThrow().state()).as("killed mid-build").isEqualTo(Lab.State.CREATING);

            ClusterConfig b = ClusterConfig.of("node-b", Zones.parse("dfw")).withHeartbeat(Duration.ofMillis(500), 4)
                    .withPollInterval(Duration.ofMillis(100));
            try (ClusterNode nodeB = ClusterNode.start(dataSource, b, LabWorks.works(labs), List.of(), clock)) {
                Lab ready = LabStates.await(labs, id, Lab.State.READY);
                List<String> expected = List.of(id + "-control", id + "-host-1", id + "-host-2", id + "-host-3");
                assertThat(ready.vms()).extracting(Lab.LabVm::name).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(ready.vms()).extracting(Lab.LabVm::ref).doesNotContainAnyElementsOf(
                        madeByA.stream().map(Lab.LabVm::ref).toList());
                try (XenSession s = XenApi.connect(sim.url()).login(sim.username(), sim.password())) {
                    List<String> tagged = new ArrayList<>(s.vms().taggedWith("inception-lab", id).stream()
                            .map(v -> v.nameLabel()).sorted().toList());
                    assertThat(tagged).as("exactly the template's VMs, once").containsExactlyElementsOf(expected);
                }
                assertThat(new WorkQueue(dataSource, clock).items()).isEmpty();
            }
        }
    }
}
