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
import java.util.List;
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
    private final Scheduler scheduler;
    private final NodeRegistry nodes;
    private final ScheduledExecutorService beats;

    private ClusterNode(ClusterConfig config, Scheduler scheduler, NodeRegistry nodes, ScheduledExecutorService beats) {
        this.config = config;
        this.scheduler = scheduler;
        this.nodes = nodes;
        this.beats = beats;
    }

    /**
     * Starts a node on {@code dataSource} (its schema migrated by the engine's store).
     *
     * @param works  the kinds of work this node executes (for its zones and zone-less items)
     * @param sweeps periodic jobs, each run by one node of the cluster at a time
     */
    public static ClusterNode start(DataSource dataSource, ClusterConfig config, List<ClusterWork> works,
                                    List<Sweep> sweeps, Clock clock) {
        List<Task<?>> tasks = new ArrayList<>();
        for (ClusterWork work : works) {
            for (String name : TaskNames.claimedBy(work.kind(), config.zones())) tasks.add(task(name, work, config, clock));
        }
        List<RecurringTask<?>> recurring = new ArrayList<>();
        for (Sweep s : sweeps) {
            recurring.add(Tasks.recurring(s.name(), FixedDelay.of(s.every()))
                    .execute((instance, context) -> s.action().run()));
        }
        NodeRegistry nodes = new NodeRegistry(dataSource);
        nodes.register(config.nodeId(), config.zones(), clock.instant());
        Scheduler scheduler = Scheduler.create(dataSource, tasks)
                .startTasks(recurring)
                .schedulerName(new SchedulerName.Fixed(config.nodeId()))
                .threads(config.threads())
                .pollingInterval(config.pollInterval())
                .heartbeatInterval(config.heartbeat())
                .missedHeartbeatsLimit(config.missedHeartbeats())
                .deleteUnresolvedAfter(KEEP_UNKNOWN)
                .shutdownMaxWait(config.shutdownWait())
                .build();
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-node-heartbeat");
            t.setDaemon(true);
            return t;
        });
        beats.scheduleWithFixedDelay(() -> beat(nodes, config, clock), config.heartbeat().toMillis(),
                config.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.start();
        LOG.info("cluster node {} up: zones [{}], {} work kinds, failover after {} s", config.nodeId(), config.zones(),
                works.size(), config.failoverAfter().toSeconds());
        return new ClusterNode(config, scheduler, nodes, beats);
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
        return new CompletionHandler.OnCompleteRemove<>();
    }

    public ClusterConfig config() {
        return config;
    }

    /** Stops claiming, waits (at most the configured shutdown wait) for executing work to hand back, leaves the registry. */
    @Override
    public void close() {
        scheduler.stop();
        beats.shutdownNow();
        try {
            nodes.remove(config.nodeId());
        } catch (RuntimeException e) {
            LOG.warn("cluster node {}: not removed from cluster_nodes: {}", config.nodeId(), e.getMessage());
        }
        LOG.info("cluster node {} stopped", config.nodeId());
    }
}
