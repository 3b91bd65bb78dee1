package io.inception.cluster;

import io.inception.engine.wait.WaitStrategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/**
 * A node for {@link ClaimsBench}: kind {@code bench} is done at once (claim throughput); kind
 * {@code hold} journals "{@code <node> <epoch ms>}" when claimed and holds its claim for up to two
 * minutes (failover time). Args: JDBC URL, node id, heartbeat ms, missed heartbeats, journal file.
 */
public final class BenchNodeMain {
    private BenchNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String nodeId = args[1];
        Path journal = Path.of(args[4]);
        ClusterWork bench = work("bench", (item, stopping) -> new WorkOutcome.Done("ok"));
        ClusterWork hold = work("hold", (item, stopping) -> {
            append(journal, nodeId + " " + System.currentTimeMillis());
            try { // held until the node stops (or 2 minutes pass)
                WaitStrategy.of(Duration.ofMinutes(2), Duration.ofMillis(100))
                        .poll("node " + nodeId + " stopping", () -> stopping.getAsBoolean() ? Optional.of(true) : Optional.empty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new WorkOutcome.Done("held");
        });
        ClusterConfig config = ClusterConfig.of(nodeId, Zones.none())
                .withHeartbeat(Duration.ofMillis(Long.parseLong(args[2])), Integer.parseInt(args[3]))
                .withPollInterval(Duration.ofMillis(500)).withThreads(8);
        ClusterNode node = ClusterNode.start(ClusterDatabase.dataSource(args[0], 12), config, List.of(bench, hold), List.of(),
                Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        new CountDownLatch(1).await();
    }

    private interface Body {
        WorkOutcome run(WorkItem item, BooleanSupplier stopping);
    }

    private static ClusterWork work(String kind, Body body) {
        return new ClusterWork() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public WorkOutcome execute(WorkItem item, BooleanSupplier stopping) {
                return body.run(item, stopping);
            }
        };
    }

    private static synchronized void append(Path journal, String line) {
        try {
            Files.writeString(journal, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
