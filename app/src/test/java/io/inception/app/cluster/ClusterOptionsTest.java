package io.inception.app.cluster;

import io.inception.app.Inception;
import io.inception.app.InceptionHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Clock;

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

    @Test
    void withoutClusterNoNodeStarts() {
        try (Inception inception = Inception.open(new InceptionHome(tmp.resolve("home")), null, Clock.systemUTC())) {
            assertThat(parse("--zones", "c1").start(inception, tmp.toString(), "HEAD")).isEmpty();
        }
    }

    @Test
    void aClusterNeedsTheSharedPostgresDatabase() {
        try (Inception inception = Inception.open(new InceptionHome(tmp.resolve("home")), null, Clock.systemUTC())) {
            assertThatThrownBy(() -> parse("--cluster", "--zones", "c1,c2").start(inception, tmp.toString(), "HEAD"))
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
