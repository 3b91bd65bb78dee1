package io.inception.engine.executor;

import io.inception.engine.stage.Stage;
import io.inception.engine.store.Store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every run of one executor shares: the store, the stages, the threads, the clock, and where
 * stages execute ({@code dispatchRef}: set once a cluster node is up, read at every stage).
 */
record Engine(Store store, Path home, Map<String, Stage> stages, Clock clock, Random random,
               ExecutorService workers, ScheduledExecutorService timer, Duration defaultStageTimeout,
               LockKeeper locks, AtomicReference<StageDispatch> dispatchRef) {

    StageDispatch dispatch() {
        return dispatchRef.get();
    }
}
