package io.inception.cluster.run;

import io.inception.cluster.ClusterWork;
import io.inception.cluster.WorkItem;
import io.inception.cluster.WorkOutcome;
import io.inception.engine.executor.Executor;
import io.inception.engine.executor.StageTurn;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Work kind {@code stage}: one stage of one pipeline run, item id {@code <runId>/<index>} (one item
 * per stage, so the next stage is queued while this one's claim still stands), bound to the stage's
 * {@code zone:}. The claiming node executes it through {@link Executor#executeClaimed}: from its
 * checkpoints when a dead node's claim is taken over, and the next stage is queued before this item
 * is done. A long wait is parked (the item comes back at the next check, for any node); a stopping
 * node lets the stage's call in progress finish and hands the item back at once.
 */
public final class StageWork implements ClusterWork {
    public static final String KIND = "stage";

    private final Executor executor;
    private final Clock clock;
    private final Duration stopCheck;
    private final Duration retryAfter;

    /**
     * @param stopCheck  how often a node waiting for its stage looks whether it is stopping
     * @param retryAfter when a stage abandoned for another reason (its lock held, a store failure) is tried again
     */
    public StageWork(Executor executor, Clock clock, Duration stopCheck, Duration retryAfter) {
        this.executor = executor;
        this.clock = clock;
        this.stopCheck = stopCheck;
        this.retryAfter = retryAfter;
    }

    /** The id of the item of stage {@code index} of run {@code runId}. */
    public static String itemId(String runId, int index) {
        return runId + "/" + index;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public WorkOutcome execute(WorkItem item, BooleanSupplier stopping) {
        int slash = item.id().lastIndexOf('/');
        String runId = item.id().substring(0, slash);
        int index = Integer.parseInt(item.id().substring(slash + 1));
        if (executor.store().runs().find(runId).isEmpty()) return new WorkOutcome.Done("no run " + runId + " in the store");
        CompletableFuture<StageTurn> turn;
        try {
            turn = executor.executeClaimed(runId, index);
        } catch (IllegalArgumentException e) { // e.g. a stage type this node lacks: another node (or a later version) may have it
            return new WorkOutcome.Again(item.data(), retryAfter, e.getMessage());
        }
        boolean handedBack = false;
        while (true) {
            try {
                StageTurn done = turn.get(stopCheck.toMillis(), TimeUnit.MILLISECONDS);
                return outcome(item, done, handedBack || stopping.getAsBoolean());
            } catch (TimeoutException e) {
                if (!handedBack && stopping.getAsBoolean()) handedBack = executor.handBack(runId, "node stopping");
            } catch (InterruptedException e) {
                executor.handBack(runId, "node stopping");
                Thread.currentThread().interrupt();
                return new WorkOutcome.Again(item.data(), Duration.ZERO, "interrupted: handed back");
            } catch (ExecutionException e) {
                throw new IllegalStateException("stage " + item.id() + " failed in the executor", e.getCause());
            }
        }
    }

    private WorkOutcome outcome(WorkItem item, StageTurn turn, boolean stopping) {
        if (turn instanceof StageTurn.RunEnded ended) {
            return new WorkOutcome.Done("run " + ended.run().id() + " " + ended.run().status());
        }
        if (turn instanceof StageTurn.HandedOn on) {
            return new WorkOutcome.Done("stage done; stage " + on.nextIndex() + " queued");
        }
        if (turn instanceof StageTurn.Parked parked) {
            Duration wait = Duration.between(clock.instant(), parked.checkAgainAt());
            return new WorkOutcome.Again(item.data(), wait.isNegative() ? Duration.ZERO : wait,
                    "parked until " + parked.checkAgainAt() + ": " + parked.progress());
        }
        StageTurn.Abandoned abandoned = (StageTurn.Abandoned) turn;
        return new WorkOutcome.Again(item.data(), stopping ? Duration.ZERO : retryAfter,
                "handed back: " + abandoned.reason());
    }
}
