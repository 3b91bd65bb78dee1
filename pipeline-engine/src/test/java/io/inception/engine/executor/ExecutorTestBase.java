package io.inception.engine.executor;

import io.inception.engine.model.Environment;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageRun;
import io.inception.engine.stage.Stage;
import io.inception.engine.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** An H2 store under a temp home and executors that are closed after each test. */
abstract class ExecutorTestBase {
    static final Environment QE = new Environment("qe", "QE lab", "environments/qe.yaml@c0ffee");
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    Store store;
    private final List<Executor> executors = new ArrayList<>();

    @BeforeEach
    void openStore() {
        store = Store.open(storeUrl());
    }

    /** The database of one test: H2 under the temp home here; PostgreSQL in the *PostgresIT subclasses. */
    String storeUrl() {
        return Store.defaultUrl(home);
    }

    @AfterEach
    void closeAll() {
        executors.forEach(Executor::close);
        store.close();
    }

    Executor executor(Stage... stages) {
        return executor(StageDispatch.local(), stages);
    }

    /** An executor whose stages go through {@code dispatch}, closed after the test. */
    Executor executor(StageDispatch dispatch, Stage... stages) {
        Executor executor = Executor.withStages(stages)
                .withIds(IdGenerator.sequential("e" + executors.size() + "-"))
                .withRandom(new Random(42))
                .withLockHeartbeat(Duration.ofMillis(100), Duration.ofSeconds(3))
                .withStageDispatch(dispatch)
                .open(store, home);
        executors.add(executor);
        return executor;
    }

    Run runToEnd(Executor executor, PipelineDef pipeline) throws Exception {
        String id = executor.start(pipeline, QE, RunOptions.defaults());
        return executor.awaitCompletion(id, WAIT);
    }

    StageRun stageRun(String runId, String name) {
        return store.stages().find(runId, name).orElseThrow();
    }

    ExecutionStatus status(String runId) {
        return store.runs().find(runId).orElseThrow().status();
    }
}
