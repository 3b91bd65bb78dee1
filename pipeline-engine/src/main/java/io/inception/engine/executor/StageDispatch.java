package io.inception.engine.executor;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the stages of a run execute (SPI). The {@linkplain #local() local} dispatch, the default,
 * executes every stage in the process that runs the run, as a single Inception process does. A
 * hand-off dispatch (a cluster's) queues each stage as a unit of work that one node claims: the
 * process that reaches the stage stops executing the run without writing its state and keeps its
 * run lock (the run stays RUNNING), and the claiming node calls {@link Executor#executeClaimed}.
 *
 * <p>While a run has a stage queued or claimed ({@link #holdsRun}) no process heartbeats its run
 * lock between stages; the lock then does not count as stale, so no other run of the pipeline takes
 * the target and no resume runs it a second time.
 */
public interface StageDispatch {
    /** True when stages go to {@link #handOff}; false executes them where the run is (the local dispatch). */
    boolean handsOff();

    /**
     * Queues {@code ticket} for a node to claim. Called after the process that reached the stage let
     * go of the run; idempotent per run and stage index (queueing a stage already queued does nothing).
     */
    void handOff(StageTicket ticket);

    /** Whether {@code runId} has a stage queued or being executed through this dispatch. */
    boolean holdsRun(String runId);

    /**
     * A claimed stage that returns {@code Running} with a {@code checkAgainAfter} at least this long
     * (an approval awaited, a rollout at a gate) ends its claim ({@link StageTurn.Parked}) instead of
     * pinning a thread until the next check; empty polls every wait in place.
     */
    Optional<Duration> parkWaitsFrom();

    /**
     * A claimed stage whose wait is {@linkplain io.inception.engine.stage.StageResult.Running#idle idle}
     * (it keeps nothing in the process) is parked whatever its {@code checkAgainAfter}, due after at
     * least this long, so a stage awaiting an approval or other nodes' work holds no thread; empty (the
     * default) treats idle waits like any other.
     */
    default Optional<Duration> parkIdleWaitsFor() {
        return Optional.empty();
    }

    /** Every stage where the run is, in this process: the behaviour of a single Inception process. */
    static StageDispatch local() {
        return LocalDispatch.INSTANCE;
    }
}
