package io.inception.engine.executor;

import io.inception.engine.model.StageDef;

import java.util.Objects;

/**
 * One stage of one run to be executed, as a {@link StageDispatch} hands it to whoever claims it.
 *
 * @param runId    the run
 * @param pipeline the run's pipeline name
 * @param index    the stage's position in the pipeline (0-based)
 * @param stage    the stage's definition (its {@link StageDef#zone()} says where it may run)
 */
public record StageTicket(String runId, String pipeline, int index, StageDef stage) {
    public StageTicket {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(stage, "stage");
        if (index < 0) throw new IllegalArgumentException("index must be >= 0");
    }
}
