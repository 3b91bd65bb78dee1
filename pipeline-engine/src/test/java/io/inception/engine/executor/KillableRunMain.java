package io.inception.engine.executor;

import io.inception.engine.model.Environment;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.store.Store;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link ResumeAfterKillIT}: opens the default store under {@code args[0]} and runs
 * the three-stage pipeline whose "work" stage hangs after its third step, until it is killed.
 */
public final class KillableRunMain {
    private KillableRunMain() {
    }

    static final PipelineDef PIPELINE = Pipelines.pipeline("deploy", Pipelines.stage("prepare", "prepare"),
            Pipelines.stage("work", "work"), Pipelines.stage("finish", "finish"));

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path effects = Path.of(args[1]);
        Store store = Store.openDefault(home);
        Executor executor = Executor.withStages(new StepStage("prepare", effects, 1, 0),
                new StepStage("work", effects, 5, 3), new StepStage("finish", effects, 1, 0)).open(store, home);
        String runId = executor.start(PIPELINE, Environment.named("qe"), RunOptions.defaults());
        System.out.println("run " + runId);
        System.out.flush();
        executor.awaitCompletion(runId, Duration.ofHours(1)); // never returns: the parent kills us first
    }
}
