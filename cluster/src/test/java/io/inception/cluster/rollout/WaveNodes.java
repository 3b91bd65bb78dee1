package io.inception.cluster.rollout;

import io.inception.cluster.ClusterConfig;
import io.inception.cluster.ClusterNode;
import io.inception.cluster.ClusterWork;
import io.inception.cluster.Zones;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.rollout.InMemoryDrain;
import io.inception.engine.store.Store;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * In-process cluster nodes executing rollout waves over sandbox cells on one store, each execution
 * journaled as "{@code <node> <rollout> wave <data>}"; a wave of a run checks the run in the store.
 */
final class WaveNodes implements AutoCloseable {
    final Queue<String> journal = new ConcurrentLinkedQueue<>();
    private final DataSource dataSource;
    private final Store store;
    private final SandboxCells cells;
    private final List<ClusterNode> nodes = new ArrayList<>();

    WaveNodes(DataSource dataSource, Store store, SandboxCells cells) {
        this.dataSource = dataSource;
        this.store = store;
        this.cells = cells;
    }

    /** Starts node {@code id} reaching {@code zones}; it looks at its regions' cells every 200 ms. */
    ClusterNode start(String id, String zones) {
        InMemoryDrain drain = new InMemoryDrain();
        RolloutWaveWork waves = new RolloutWaveWork(store.rollouts(), env -> cells.settings, env -> drain,
                Clock.systemUTC(), IdGenerator.sequential(id + "-"), Duration.ofMillis(300),
                run -> store.runs().find(run).map(r -> r.status().isComplete()).orElse(false));
        ClusterWork journaled = new JournaledWork(id, waves, journal::add);
        ClusterConfig config = ClusterConfig.of(id, Zones.parse(zones)).withHeartbeat(Duration.ofMillis(300), 4)
                .withPollInterval(Duration.ofMillis(100)).withZoneRefresh(Duration.ofMillis(200));
        ClusterNode node = ClusterNode.start(dataSource, config, List.of(journaled), List.of(), Clock.systemUTC());
        nodes.add(node);
        return node;
    }

    /** The journal lines of rollout {@code id}. */
    List<String> of(String id) {
        return journal.stream().filter(l -> l.contains(" " + id + " ")).toList();
    }

    @Override
    public void close() {
        nodes.forEach(ClusterNode::close);
    }
}
