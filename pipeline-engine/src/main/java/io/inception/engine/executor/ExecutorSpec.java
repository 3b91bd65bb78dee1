package io.inception.engine.executor;

import io.inception.engine.stage.Stage;
import io.inception.engine.store.Store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The immutable settings of an {@link Executor}; each {@code withX} returns a new value. Start from
 * {@link Executor#withStages}, finish with {@link #open(Store, Path)}.
 *
 * @param stages              stage implementations by type
 * @param clock               clock for every timestamp the executor writes
 * @param ids                 id generator for runs and executor instances (null: time-based)
 * @param random              randomness for retry jitter
 * @param defaultStageTimeout timeout of stages whose definition has none, or null for none
 * @param heartbeatEvery      how often held run locks are refreshed (and cancel requests read)
 * @param lockStaleAfter      a lock whose heartbeat is older than this may be taken over
 * @param workerThreads       threads that call stages at the same time
 * @param stageDispatch       where stages execute: {@link StageDispatch#local()} (the default) or
 *                            handed off to a cluster
 */
public record ExecutorSpec(Map<String, Stage> stages, Clock clock, IdGenerator ids, Random random,
                           Duration defaultStageTimeout, Duration heartbeatEvery, Duration lockStaleAfter,
                           int workerThreads, StageDispatch stageDispatch) {
    public ExecutorSpec {
        stages = Map.copyOf(stages);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(heartbeatEvery, "heartbeatEvery");
        Objects.requireNonNull(lockStaleAfter, "lockStaleAfter");
        if (heartbeatEvery.compareTo(lockStaleAfter) >= 0) {
            throw new IllegalArgumentException("heartbeatEvery (" + heartbeatEvery + ") must be shorter than"
                    + " lockStaleAfter (" + lockStaleAfter + ")");
        }
        if (workerThreads < 1) throw new IllegalArgumentException("workerThreads must be >= 1");
        Objects.requireNonNull(stageDispatch, "stageDispatch");
    }

    static ExecutorSpec of(List<Stage> stages) {
        Map<String, Stage> byType = new LinkedHashMap<>();
        for (Stage s : stages) {
            Stage previous = byType.put(s.type(), s);
            if (previous != null && previous != s) {
                throw new IllegalArgumentException("two stage implementations for type '" + s.type() + "': "
                        + previous.getClass().getName() + " and " + s.getClass().getName());
            }
        }
        return new ExecutorSpec(byType, Clock.systemUTC(), null, new SecureRandom(), null,
                Duration.ofSeconds(5), Duration.ofSeconds(30), 8, StageDispatch.local());
    }

    public ExecutorSpec withClock(Clock newClock) {
        return new ExecutorSpec(stages, newClock, ids, random, defaultStageTimeout, heartbeatEvery, lockStaleAfter,
                workerThreads, stageDispatch);
    }

    public ExecutorSpec withIds(IdGenerator newIds) {
        return new ExecutorSpec(stages, clock, newIds, random, defaultStageTimeout, heartbeatEvery, lockStaleAfter,
                workerThreads, stageDispatch);
    }

    public ExecutorSpec withRandom(Random newRandom) {
        return new ExecutorSpec(stages, clock, ids, newRandom, defaultStageTimeout, heartbeatEvery, lockStaleAfter,
                workerThreads, stageDispatch);
    }

    public ExecutorSpec withDefaultStageTimeout(Duration timeout) {
        return new ExecutorSpec(stages, clock, ids, random, timeout, heartbeatEvery, lockStaleAfter, workerThreads, stageDispatch);
    }

    /** Heartbeat interval and staleness limit of run locks. */
    public ExecutorSpec withLockHeartbeat(Duration every, Duration staleAfter) {
        return new ExecutorSpec(stages, clock, ids, random, defaultStageTimeout, every, staleAfter, workerThreads, stageDispatch);
    }

    public ExecutorSpec withWorkerThreads(int threads) {
        return new ExecutorSpec(stages, clock, ids, random, defaultStageTimeout, heartbeatEvery, lockStaleAfter,
                threads, stageDispatch);
    }

    /** Where stages execute; see {@link Executor#useStageDispatch} to set it on a running executor. */
    public ExecutorSpec withStageDispatch(StageDispatch dispatch) {
        return new ExecutorSpec(stages, clock, ids, random, defaultStageTimeout, heartbeatEvery, lockStaleAfter,
                workerThreads, dispatch);
    }

    /** Starts an executor on {@code store}; artifacts go under {@code home/runs}. Close it when done. */
    public Executor open(Store store, Path home) {
        return new Executor(this, store, home);
    }
}
