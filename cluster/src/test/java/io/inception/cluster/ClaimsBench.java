package io.inception.cluster;

import io.inception.engine.store.LocalPostgres;
import io.inception.engine.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Not a test (Surefire does not pick up {@code *Bench}; no assertion on time): the benchmark behind
 * {@code bench/cluster/claims.sh}. On a PostgreSQL started here: (1) {@code -Dbench.items} zone-less
 * items (default 2000) queued due at one instant, claimed and executed by 1, 2 and 3 node JVMs —
 * claims per second from the due instant to an empty queue; (2) a node holding an item is killed
 * with SIGKILL — time until another node claims it, with heartbeat {@code -Dbench.heartbeatMs}
 * (default 1000) and {@code -Dbench.missed} missed heartbeats (default 4).
 */
class ClaimsBench {
    @TempDir
    Path dir;

    @Test
    void claims() throws Exception {
        int items = Integer.getInteger("bench.items", 2000);
        long heartbeatMs = Long.getLong("bench.heartbeatMs", 1000);
        int missed = Integer.getInteger("bench.missed", 4);
        LocalPostgres pg = LocalPostgres.shared();
        for (int nodes = 1; nodes <= 3; nodes++) {
            String url = pg.newDatabase("claims_" + nodes);
            try (Store store = Store.open(url)) {
                DataSource ds = ClusterDatabase.dataSource(url);
                List<ChildJvm> jvms = startNodes(url, nodes, heartbeatMs, missed);
                try {
                    NodeRegistry registry = new NodeRegistry(ds);
                    int n = nodes;
                    Eventually.await(() -> registry.list().size() == n, Duration.ofSeconds(60), n + " nodes up", () -> "");
                    WorkQueue queue = new WorkQueue(ds, Clock.systemUTC());
                    Instant due = Instant.now().plusSeconds(30);
                    for (int i = 0; i < items; i++) queue.submit(new WorkItem("bench", Optional.empty(), "i-" + i, ""), due);
                    if (Instant.now().isAfter(due)) throw new IllegalStateException("queueing took longer than 30 s");
                    Eventually.await(() -> Instant.now().isAfter(due) && queue.items().isEmpty(), Duration.ofMinutes(5),
                            "all items executed", () -> queue.items().size() + " left");
                    double seconds = Duration.between(due, Instant.now()).toMillis() / 1000.0;
                    System.out.printf("BENCH claims: %d node(s): %d items in %.1f s = %.0f claims/s%n", nodes, items, seconds,
                            items / seconds);
                } finally {
                    stop(jvms);
                    ClusterDatabase.close(ds);
                }
            }
        }
        failover(pg.newDatabase("claims_failover"), heartbeatMs, missed);
    }

    private void failover(String url, long heartbeatMs, int missed) throws Exception {
        Path journal = dir.resolve("hold.txt");
        Files.createFile(journal);
        try (Store store = Store.open(url)) {
            DataSource ds = ClusterDatabase.dataSource(url);
            List<ChildJvm> jvms = startNodes(url, 2, heartbeatMs, missed, journal);
            try {
                NodeRegistry registry = new NodeRegistry(ds);
                Eventually.await(() -> registry.list().size() == 2, Duration.ofSeconds(60), "2 nodes up", () -> "");
                new WorkQueue(ds, Clock.systemUTC()).submit(new WorkItem("hold", Optional.empty(), "held", ""));
                Eventually.await(() -> lines(journal).size() == 1, Duration.ofSeconds(60), "the item claimed", () -> "");
                String holder = lines(journal).get(0).split(" ")[0];
                ChildJvm victim = jvms.stream().filter(j -> j.name().equals(holder)).findFirst().orElseThrow();
                long killedAt = System.currentTimeMillis();
                victim.process().destroyForcibly();
                victim.process().waitFor(30, TimeUnit.SECONDS);
                Eventually.await(() -> lines(journal).size() == 2, Duration.ofMinutes(2), "the item taken over", () -> "");
                long resumedAt = Long.parseLong(lines(journal).get(1).split(" ")[1]);
                System.out.printf("BENCH failover: heartbeat %d ms x %d missed: claimed again %.1f s after kill -9%n",
                        heartbeatMs, missed, (resumedAt - killedAt) / 1000.0);
            } finally {
                stop(jvms);
                ClusterDatabase.close(ds);
            }
        }
    }

    private List<ChildJvm> startNodes(String url, int n, long heartbeatMs, int missed) throws Exception {
        return startNodes(url, n, heartbeatMs, missed, dir.resolve("unused.txt"));
    }

    private List<ChildJvm> startNodes(String url, int n, long heartbeatMs, int missed, Path journal) throws Exception {
        List<ChildJvm> jvms = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String name = "bench-" + i;
            jvms.add(ChildJvm.start(name, BenchNodeMain.class, dir.resolve(name + "-" + System.nanoTime() + ".log"), url, name,
                    String.valueOf(heartbeatMs), String.valueOf(missed), journal.toString()));
        }
        return jvms;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void stop(List<ChildJvm> jvms) throws InterruptedException {
        for (ChildJvm j : jvms) {
            j.process().destroyForcibly();
            j.process().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
