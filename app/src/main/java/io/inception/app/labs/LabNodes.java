package io.inception.app.labs;

import io.inception.app.Inception;
import io.inception.app.InceptionHome;
import io.inception.cluster.ClusterConfig;
import io.inception.cluster.ClusterNode;
import io.inception.cluster.ClusterWork;
import io.inception.cluster.Sweep;
import io.inception.cluster.WorkQueue;
import io.inception.cluster.Zones;
import io.inception.engine.store.Store;
import io.inception.xen.lab.DbLabStore;
import io.inception.xen.lab.LabService;
import io.inception.xen.lab.PhysicalPool;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where lab work runs. In a cluster ({@code server --cluster}) every node registers {@link LabWorks}
 * and the reaper sweep ({@link #addTo}). Without one — a single server, or the CLI — this process runs
 * a node of its own on its store's database that executes lab work only ({@link #localNode}): the
 * same queue, claims and code as a cluster, so a build the CLI began and was killed in is resumed by
 * the next process that runs lab work (a server, or the next {@code inception lab create}).
 */
public final class LabNodes {
    /** How often a cluster reaps (the single server's --reap-every does not reach the cluster wiring). */
    public static final Duration CLUSTER_REAP_EVERY = Duration.ofMinutes(5);

    private LabNodes() {
    }

    /**
     * The lab service on {@code store} when a XenServer pool is configured in {@code env}: shipped
     * templates, labs of earlier versions' JSON files under {@code home/labs} imported once.
     */
    public static Optional<LabService> fromEnvironment(Store store, Path home, Map<String, String> env, Clock clock) {
        if (env.get(XenPools.URL) == null) return Optional.empty();
        List<PhysicalPool> pools = XenPools.fromEnvironment(env);
        return Optional.of(LabService.standard(InceptionHome.sourceRoot().resolve("environments/labs"),
                home.resolve("labs"), pools, clock).on(new DbLabStore(store.labs())));
    }

    /**
     * The cluster's lab part: adds the lab works and the reaper sweep to a node's lists when a pool is
     * configured ({@link XenPools}); does nothing otherwise.
     */
    public static void addTo(Inception inception, List<ClusterWork> works, List<Sweep> sweeps) {
        fromEnvironment(inception.store(), inception.home().dir(), System.getenv(), Clock.systemUTC()).ifPresent(labs -> {
            works.addAll(LabWorks.works(labs));
            sweeps.add(LabWorks.reaper(labs, CLUSTER_REAP_EVERY));
        });
    }

    /**
     * A node of this process that executes lab work only, on the zones of the configured pools (so it
     * takes what this process queues), polling often: the CLI waits on it.
     */
    public static ClusterNode localNode(DataSource dataSource, LabService labs, List<PhysicalPool> pools, String role,
                                        Clock clock) {
        Set<String> zones = new LinkedHashSet<>();
        pools.forEach(p -> p.zone().ifPresent(zones::add));
        ClusterConfig config = ClusterConfig.of(nodeId(role), new Zones(zones)).withPollInterval(Duration.ofMillis(200)).withThreads(2);
        return ClusterNode.start(dataSource, config, LabWorks.works(labs), List.of(), clock);
    }

    /** {@code <role>-<host>-<pid>}, at most 50 characters: unique among the processes sharing a database. */
    static String nodeId(String role) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "host";
        }
        String id = (role + "-" + host + "-" + ManagementFactory.getRuntimeMXBean().getPid()).replaceAll("[^A-Za-z0-9._:-]", "-");
        return id.length() > 50 ? role + "-" + id.substring(id.length() - 49 + role.length()) : id;
    }

    /** {@code labs} queuing on the shared queue of {@code dataSource}. */
    public static LabService queued(LabService labs, DataSource dataSource, Clock clock) {
        return LabWorks.queued(labs, new WorkQueue(dataSource, clock));
    }
}
