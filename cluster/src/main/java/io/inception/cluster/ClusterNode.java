package io.inception.cluster;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One Inception node of a cluster: claims the queued work its zones admit from the shared database
 * (db-scheduler on the engine's PostgreSQL), executes it while renewing the claim with a heartbeat,
 * and takes over the claims of nodes whose heartbeat stopped. Records itself in {@code cluster_nodes}.
 * Start with {@link #start}; {@link #close} hands executing work back to the queue.
 */
public final class ClusterNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    /** Executions of a task name this node does not know (another zone's) are never deleted by it. */
    private static final Duration KEEP_UNKNOWN = Duration.ofDays(36500);

    private final ClusterConfig config;
    private final DataSource dataSource;
    private final List<ClusterWork> works;
    private final List<Sweep> sweeps;
    private final Clock clock;
    private final CellRegions regions;
    private final NodeRegistry nodes;
    private final ScheduledExecutorService beats;
    private final ScheduledExecutorService refresh;
    /** The scheduler claiming for {@link #admitted}; replaced when a region of this node gains or loses cells. */
    private Scheduler scheduler;
    /** The zones this node claims work of: its own, and the cells of those that are regions. */
    private Set<String> admitted;
    private boolean closed;

    private ClusterNode(ClusterConfig config, DataSource dataSource, List<ClusterWork> works, List<Sweep> sweeps,
                        Clock clock) {
        this.config = config;
        this.dataSource = dataSource;
        this.works = List.copyOf(works);
        this.sweeps = List.copyOf(sweeps);
        this.clock = clock;
        this.regions = new CellRegions(dataSource);
        this.nodes = new NodeRegistry(dataSource);
        this.beats = daemon("cluster-node-heartbeat");
        this.refresh = daemon("cluster-node-zones");
    }

    /**
     * Starts a node on {@code dataSource} (its schema migrated by the engine's store). A zone of the
     * node that is a region ({@link CellRegions}) admits the region's cells too; the node looks for
     * changes of its regions' cells every {@link ClusterConfig#zoneRefresh()} and, when they changed,
     * replaces its scheduler by one claiming the new set (work it executes is handed back and taken
     * up again at once).
     *
     * @param works  the kinds of work this node executes (for its zones and zone-less items)
     * @param sweeps periodic jobs, each run by one node of the cluster at a time
     */
    public static ClusterNode start(DataSource dataSource, ClusterConfig config, List<ClusterWork> works,
                                    List<Sweep> sweeps, Clock clock) {
        ClusterNode node = new ClusterNode(config, dataSource, works, sweeps, clock);
        node.nodes.register(config.nodeId(), config.zones(), clock.instant());
        synchronized (node) {
            node.admitted = node.admittedZones();
            node.scheduler = node.scheduler(node.admitted);
            node.scheduler.start();
        }
        node.beats.scheduleWithFixedDelay(() -> beat(node.nodes, config, clock), config.heartbeat().toMillis(),
                config.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        node.refresh.scheduleWithFixedDelay(node::refreshZones, config.zoneRefresh().toMillis(),
                config.zoneRefresh().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("cluster node {} up: zones [{}], claiming for [{}], {} work kinds, failover after {} s", config.nodeId(),
                config.zones(), String.join(",", node.admitted), works.size(), config.failoverAfter().toSeconds());
        return node;
    }

    /** The zones this node claims for now: its own and the cells of its regions. */
    public synchronized Set<String> admitted() {
        return admitted;
    }

    private Set<String> admittedZones() {
        Set<String> zones = new LinkedHashSet<>(config.zones().names());
        regions.cellsOf(config.zones().names()).stream().filter(Zones::isValid).forEach(zones::add);
        return Collections.unmodifiableSet(zones);
    }

    private Scheduler scheduler(Set<String> zones) {
        List<Task<?>> tasks = new ArrayList<>();
        for (ClusterWork work : works) {
            for (String name : TaskNames.claimedBy(work.kind(), new Zones(zones))) tasks.add(task(name, work, config, clock));
        }
        List<RecurringTask<?>> recurring = new ArrayList<>();
        for (Sweep s : sweeps) {
            recurring.add(Tasks.recurring(s.name(), FixedDelay.of(s.every()))
                    .execute((instance, context) -> s.action().run()));
        }
        return Scheduler.create(dataSource, tasks)
                .startTasks(recurring)
                .schedulerName(new SchedulerName.Fixed(config.nodeId()))
                .threads(config.threads())
                .pollingInterval(config.pollInterval())
                .heartbeatInterval(config.heartbeat())
                .missedHeartbeatsLimit(config.missedHeartbeats())
                .deleteUnresolvedAfter(KEEP_UNKNOWN)
                .shutdownMaxWait(config.shutdownWait())
                .build();
    }

    /** Claims for the cells its regions have now, when they changed: a new scheduler, the old one stopped. */
    private void refreshZones() {
        Scheduler old;
        Set<String> before;
        try {
            synchronized (this) {
                if (closed) return;
                Set<String> now = admittedZones();
                if (now.equals(admitted)) return;
                before = admitted;
                old = scheduler;
                scheduler = scheduler(now);
                scheduler.start();
                admitted = now;
            }
        } catch (RuntimeException e) {
            LOG.warn("cluster node {}: the cells of its regions not read: {}", config.nodeId(), e.getMessage());
            return;
        }
        LOG.info("cluster node {}: claiming for [{}] (was [{}])", config.nodeId(), String.join(",", admitted()),
                String.join(",", before));
        old.stop(); // hands back what it executes; the new scheduler (or another node) takes it up
    }

    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private static void beat(NodeRegistry nodes, ClusterConfig config, Clock clock) {
        try {
            nodes.heartbeat(config.nodeId(), clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("cluster node {}: heartbeat not recorded: {}", config.nodeId(), e.getMessage());
        }
    }

    private static Task<String> task(String name, ClusterWork work, ClusterConfig config, Clock clock) {
        return Tasks.custom(name, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(config.retryAfter()))
                .execute((TaskInstance<String> instance, ExecutionContext context) -> {
                    WorkItem item = new WorkItem(work.kind(), TaskNames.zoneOf(name), instance.getId(), instance.getData());
                    MDC.put("node", config.nodeId());
                    try {
                        LOG.info("node {} claimed {} {}{} ({})", config.nodeId(), item.kind(), item.id(),
                                item.zone().map(z -> " in zone " + z).orElse(""), item.data());
                        WorkOutcome outcome = work.execute(item, () -> context.getSchedulerState().isShuttingDown());
                        return completion(item, outcome, clock);
                    } finally {
                        MDC.remove("node");
                    }
                });
    }

    private static CompletionHandler<String> completion(WorkItem item, WorkOutcome outcome, Clock clock) {
        if (outcome instanceof WorkOutcome.Again again) {
            LOG.info("{} {}: {} (again in {} ms)", item.kind(), item.id(), again.message(), again.after().toMillis());
            return (complete, operations) -> operations.reschedule(complete, clock.instant().plus(again.after()),
                    again.data());
        }
        LOG.info("{} {}: {}", item.kind(), item.id(), ((WorkOutcome.Done) outcome).message());
        return (complete, operations) -> {
            try {
                operations.stop();
            } catch (com.github.kagkarlsson.scheduler.exceptions.ExecutionException e) {
                // removed no row: while this node stalled, another revived the item (a new version) and
                // owns it, or finished it already; it is not this node's to remove (db-scheduler would
                // log this as an ERROR "Expected one execution to be removed, but removed 0")
                LOG.info("{} {}: another node took it over meanwhile; left to it", item.kind(), item.id());
            }
        };
    }

    public ClusterConfig config() {
        return config;
    }

    /** Stops claiming, waits (at most the configured shutdown wait) for executing work to hand back, leaves the registry. */
    @Override
    public void close() {
        Scheduler current;
        synchronized (this) {
            closed = true;
            current = scheduler;
        }
        refresh.shutdown();
        current.stop();
        try {
            refresh.awaitTermination(config.shutdownWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        beats.shutdownNow();
        try {
            nodes.remove(config.nodeId());
        } catch (RuntimeException e) {
            LOG.warn("cluster node {}: not removed from cluster_nodes: {}", config.nodeId(), e.getMessage());
        }
        LOG.info("cluster node {} stopped", config.nodeId());
    }
}
