package io.inception.cluster.run;

import io.inception.cluster.ClusterWork;
import io.inception.cluster.Sweep;
import io.inception.cluster.WorkItem;
import io.inception.cluster.WorkQueue;
import io.inception.engine.executor.Executor;
import io.inception.engine.executor.StageDispatch;
import io.inception.engine.executor.StageTicket;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The cluster's {@link StageDispatch}: every stage of every run is a {@code stage} item of the shared
 * queue ({@link StageWork}), in the stage's zone, claimed by one node with a heartbeat.
 *
 * <pre>{@code
 * ClusterStages stages = ClusterStages.install(executor, dataSource, clock);   // from now on stages are handed off
 * ClusterNode.start(dataSource, config, List.of(stages.work(), ...), List.of(stages.orphanSweep(every)), clock);
 * }</pre>
 */
public final class ClusterStages implements StageDispatch {
    /** Waits of a claimed stage at least this long are parked rather than polled on a node's thread. */
    public static final Duration PARK_WAITS_FROM = Duration.ofMinutes(1);
    /** An idle wait (an approval, a rollout stage watching its cells) is parked for at least this long. */
    public static final Duration PARK_IDLE_FOR = Duration.ofSeconds(5);

    private final Executor executor;
    private final WorkQueue queue;
    private final Clock clock;
    private final Duration parkFrom;

    public ClusterStages(Executor executor, WorkQueue queue, Clock clock, Duration parkFrom) {
        this.executor = executor;
        this.queue = queue;
        this.clock = clock;
        this.parkFrom = parkFrom;
    }

    /** Makes {@code executor} hand every stage to the cluster whose queue is in {@code dataSource}. */
    public static ClusterStages install(Executor executor, DataSource dataSource, Clock clock) {
        return install(executor, new WorkQueue(dataSource, clock), clock, PARK_WAITS_FROM);
    }

    /** As {@link #install(Executor, DataSource, Clock)}, parking waits from {@code parkFrom}. */
    public static ClusterStages install(Executor executor, WorkQueue queue, Clock clock, Duration parkFrom) {
        ClusterStages stages = new ClusterStages(executor, queue, clock, parkFrom);
        executor.useStageDispatch(stages);
        return stages;
    }

    /** The work a node registers to execute the stages it claims. */
    public ClusterWork work() {
        return new StageWork(executor, clock, Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    /**
     * The sweep of orphaned runs: every RUNNING run with no stage queued or claimed and a stale lock
     * (a node killed between storing a stage and queueing the next, a run started by a process that
     * was not a node) gets its current stage queued.
     */
    public Sweep orphanSweep(Duration every) {
        return OrphanedRuns.sweep(executor, every);
    }

    @Override
    public boolean handsOff() {
        return true;
    }

    @Override
    public void handOff(StageTicket ticket) {
        queue.submit(new WorkItem(StageWork.KIND, Optional.ofNullable(ticket.stage().zone()),
                StageWork.itemId(ticket.runId(), ticket.index()), ticket.pipeline() + ": " + ticket.stage().name()));
    }

    @Override
    public boolean holdsRun(String runId) {
        return queue.holds(StageWork.KIND, runId + "/");
    }

    @Override
    public Optional<Duration> parkWaitsFrom() {
        return Optional.of(parkFrom);
    }

    @Override
    public Optional<Duration> parkIdleWaitsFor() {
        return Optional.of(PARK_IDLE_FOR);
    }
}
