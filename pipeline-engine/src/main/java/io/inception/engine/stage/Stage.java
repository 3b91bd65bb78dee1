package io.inception.engine.stage;

/**
 * A stage type: the unit of work the executor runs for each {@code StageDef} of that type.
 *
 * <p>{@link #execute} is called by the executor; it returns {@link StageResult.Running} to be
 * polled again later instead of sleeping, so a long wait survives a crash of the orchestrator.
 * Everything a stage needs to resume is in its {@link CheckpointStore}: after a restart the
 * executor calls {@code execute} again with the same checkpoints, and a stage must not redo work
 * that its checkpoints say is done. Implementations must be thread-safe and hold no per-run state
 * in fields.
 */
public interface Stage {
    /** The stage type written in pipeline YAML, e.g. {@code merge}. */
    String type();

    /**
     * Does (or continues) the stage's work.
     *
     * @return Succeeded, Running (poll again) or Failed (transient failures are retried under the
     *         stage's RetryPolicy)
     * @throws Exception an unexpected error; the executor classifies it (see {@link FailureClassifier})
     */
    StageResult execute(StageContext context) throws Exception;
}
