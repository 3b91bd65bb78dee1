package io.inception.app.cluster;

import io.inception.app.Inception;
import io.inception.app.InceptionHome;
import io.inception.cluster.ClusterConfig;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.ClusterNode;
import io.inception.cluster.NodeRegistry;
import io.inception.cluster.Zones;
import io.inception.cluster.trigger.ClusteredTriggers;
import io.inception.cluster.rollout.RolloutWaveWork;
import io.inception.cluster.run.ClusterStages;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.pipeline.PipelineRepository;
import io.inception.engine.rollout.EnvironmentTargets;
import io.inception.engine.scheduler.TriggerScheduler;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * {@code inception server --cluster --db jdbc:postgresql://... --zones c1,c2}: this server becomes one
 * node of a cluster sharing the database — it claims rollout waves of the cells it reaches and the
 * stages of pipeline runs (of its zones and zone-less), queues again the stage of a run a dead
 * process left, and evaluates the server's triggers when it holds the cluster's trigger sweep.
 */
public final class ClusterOptions {
    @Option(names = "--cluster",
            description = "Run as one node of a cluster of servers sharing the --db PostgreSQL database.")
    boolean cluster;

    @Option(names = "--zones", paramLabel = "ZONE[,ZONE...]", defaultValue = "",
            description = "With --cluster: the compute cells and regions this node reaches; work of a cell runs"
                    + " only on nodes that list it (default: none — only zone-less work).")
    String zones;

    @Option(names = "--node-id", paramLabel = "NAME",
            description = "With --cluster: this node's name in the cluster (default: <hostname>-<pid>).")
    String nodeId;

    @Option(names = "--heartbeat", paramLabel = "SECONDS", defaultValue = "10",
            description = "With --cluster: heartbeat interval; a node silent for 6 heartbeats loses its work to"
                    + " another node (default: ${DEFAULT-VALUE}).")
    int heartbeatSeconds;

    private final List<io.inception.cluster.Sweep> serverSweeps = new java.util.ArrayList<>();

    /** Whether {@code --cluster} was given: the rollout stage then queues per-cell waves ({@link ClusterRollouts#driver}). */
    public boolean enabled() {
        return cluster;
    }

    /**
     * Starts this server's cluster node when {@code --cluster} was given (stopped by a shutdown hook,
     * which hands executing work back to the queue); without it does nothing. In a cluster {@code triggers}
     * ticks as a cluster sweep (one node at a time): the caller must not start it itself.
     *
     * @throws IllegalArgumentException when the store is not PostgreSQL, or a zone name is invalid
     */
    public Optional<ClusterNode> start(Inception inception, String configRepo, String configRef, TriggerScheduler triggers) {
        if (!cluster) return Optional.empty();
        String url = inception.store().connectionUrl().reveal();
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--cluster needs the shared PostgreSQL database: --db jdbc:postgresql://HOST:PORT/DB");
        }
        Clock clock = Clock.systemUTC();
        EnvironmentTargets targets = new EnvironmentTargets(name -> {
            try (PipelineRepository repository = PipelineRepository.open(configRepo)) {
                return repository.at(configRef).environment(name);
            }
        }, inception.home().dir().resolve("known_hosts"), InceptionHome.sourceRoot(), System::getenv);
        List<AutoCloseable> closeWithNode = new java.util.ArrayList<>();
        RolloutWaveWork waves = ClusterRollouts.waves(inception.store(), targets, InceptionHome.sourceRoot(), clock,
                IdGenerator.timeBased(clock, new Random()), closeWithNode);
        ClusterConfig config = ClusterConfig.of(nodeId != null ? nodeId : defaultNodeId(), Zones.parse(zones))
                .withHeartbeat(Duration.ofSeconds(heartbeatSeconds), 6);
        javax.sql.DataSource pool = ClusterDatabase.dataSource(url, config.threads() + 4);
        // from here on every stage of every run is a claimed unit of cluster work
        ClusterStages stages = ClusterStages.install(inception.executor(), pool, clock);
        List<io.inception.cluster.ClusterWork> works = new java.util.ArrayList<>(List.of(waves, stages.work()));
        List<io.inception.cluster.Sweep> sweeps = new java.util.ArrayList<>(
                List.of(stages.orphanSweep(Duration.ofSeconds(heartbeatSeconds)),
                        ClusteredTriggers.sweep(triggers, clock, triggerTick())));
        io.inception.app.labs.LabNodes.addTo(inception, works, sweeps); // labs: lab-build, lab-delete, the reaper
        sweeps.addAll(serverSweeps);
        ClusterNode node = ClusterNode.start(pool, config, works, sweeps, clock);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            ClusterDatabase.close(pool);
            for (AutoCloseable c : closeWithNode) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("inception server: closing " + c + ": " + e);
                }
            }
        }, "cluster-node-stop"));
        ClusterConsole.joined(config, new NodeRegistry(pool).list(), triggerTick(), clock.instant()).forEach(System.out::println);
        return Optional.of(node);
    }

    /**
     * Adds a periodic job of the server (the control-plane watcher) that the cluster runs on one node at a
     * time instead of on every node; call before {@link #start}.
     */
    public ClusterOptions alsoSweep(io.inception.cluster.Sweep sweep) {
        serverSweeps.add(sweep);
        return this;
    }

    /** How often the cluster evaluates the triggers: every heartbeat, at most every 10 s (a single server's tick). */
    private Duration triggerTick() {
        return Duration.ofSeconds(Math.min(heartbeatSeconds, TriggerScheduler.DEFAULT_TICK.toSeconds()));
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        String id = host.replaceAll("[^A-Za-z0-9._-]", "-") + "-" + ManagementFactory.getRuntimeMXBean().getPid();
        return id.length() > 50 ? id.substring(id.length() - 50) : id;
    }
}
