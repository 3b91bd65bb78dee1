package io.inception.app.cluster;

import io.inception.app.Inception;
import io.inception.app.InceptionHome;
import io.inception.cluster.ClusterConfig;
import io.inception.cluster.NodeRecord;
import io.inception.cluster.Zones;
import io.inception.engine.scheduler.TriggerScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterOptionsTest {
    @TempDir
    Path tmp;

    @CommandLine.Command(name = "probe")
    static final class Probe {
        @CommandLine.Mixin
        ClusterOptions cluster = new ClusterOptions();
    }

    private static ClusterOptions parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.cluster;
    }

    static TriggerScheduler noTriggers(Inception inception) {
        return new TriggerScheduler(List.of(), event -> { }, inception.store().triggerStates(), (url, ref) -> "", Clock.systemUTC());
    }

    @Test
    void aJoiningNodeSaysWhoItIsWhatItReachesAndWhichPeersItFound() {
        Instant now = Instant.parse("2026-11-27T11:00:00Z");
        ClusterConfig config = ClusterConfig.of("orch-2", Zones.parse("c2")).withHeartbeat(Duration.ofSeconds(1), 6);
        List<NodeRecord> nodes = List.of(
                new NodeRecord("orch-1", Zones.parse("c1,dfw"), now.minusSeconds(600), now.minusSeconds(1)),
                new NodeRecord("orch-2", Zones.parse("c2"), now, now),
                new NodeRecord("orch-3", Zones.none(), now.minusSeconds(900), now.minusSeconds(300)));

        assertThat(ClusterConsole.joined(config, nodes, Duration.ofSeconds(1), now)).containsExactly(
                "inception server: cluster node orch-2, zones c2, heartbeat 1 s, failover after 6 s",
                "inception server: peers: orch-1 (zones c1,dfw, up), orch-3 (zones none, silent for 300 s)",
                "inception server: triggers are evaluated by one node of the cluster at a time, every 1 s;"
                        + " runs a dead node left are resumed by another");
        assertThat(ClusterConsole.joined(config, List.of(nodes.get(1)), Duration.ofSeconds(1), now)).element(1)
                .isEqualTo("inception server: peers: none yet (the first node up)");
    }

    @Test
    void withoutClusterNoNodeStarts() {
        try (Inception inception = Inception.open(new InceptionHome(tmp.resolve("home")), null, Clock.systemUTC())) {
            assertThat(parse("--zones", "c1").start(inception, tmp.toString(), "HEAD", noTriggers(inception))).isEmpty();
        }
    }

    @Test
    void aClusterNeedsTheSharedPostgresDatabase() {
        try (Inception inception = Inception.open(new InceptionHome(tmp.resolve("home")), null, Clock.systemUTC())) {
            assertThatThrownBy(() -> parse("--cluster", "--zones", "c1,c2").start(inception, tmp.toString(), "HEAD", noTriggers(inception)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--cluster needs the shared PostgreSQL database: --db jdbc:postgresql://HOST:PORT/DB");
        }
    }

    @Test
    void theOptionsParse() {
        ClusterOptions options = parse("--cluster", "--zones", "c1,dfw", "--node-id", "orch-1", "--heartbeat", "5");
        assertThat(options.cluster).isTrue();
        assertThat(options.zones).isEqualTo("c1,dfw");
        assertThat(options.nodeId).isEqualTo("orch-1");
        assertThat(options.heartbeatSeconds).isEqualTo(5);
    }
}
