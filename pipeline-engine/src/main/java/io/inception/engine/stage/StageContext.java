package io.inception.engine.stage;

import io.inception.engine.model.Build;
import io.inception.engine.model.Environment;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.StageDef;

import java.util.Optional;

/** Everything a stage receives from the executor. */
public interface StageContext {
    /** The run this stage belongs to. */
    String runId();

    /** The pipeline this run executes, with the repository and commit its text was read from. */
    PipelineDef pipeline();

    /** The stage definition, with its validated parameters. */
    StageDef stage();

    /** The attempt number (1 on the first attempt, incremented by retries, not by polls). */
    int attempt();

    /** Typed parameter access; fails with a clear message when missing or of the wrong type. */
    Parameters params();

    /** The build this run carries, if one has been bound yet. */
    Optional<Build> build();

    /** Binds (and stores) the build this run carries; the merge stage does this. */
    void bindBuild(Build build);

    /** The environment (target) of the run. */
    Environment environment();

    /** The output record of an earlier stage of the same run. */
    <T> Optional<T> output(String stageName, Class<T> type);

    /** The stage's log, stored with the run (never pass secrets). */
    StageLog log();

    /** Files produced by the stage, stored under the run. */
    ArtifactStore artifacts();

    /** Durable key/value state of this stage in this run, for resuming after a crash. */
    CheckpointStore checkpoints();

    /** Cancellation of the run; long loops check it. */
    Cancellation cancellation();
}
