package io.inception.engine.model;

import java.time.Instant;

/**
 * The state of one stage within one run.
 *
 * @param runId      the run
 * @param index      position of the stage in the pipeline (0-based)
 * @param name       stage name
 * @param type       stage type
 * @param status     status
 * @param attempt    attempts made so far (1 on the first)
 * @param message    last outcome in words (failure reason, summary), or null
 * @param startedAt  first start, or null
 * @param finishedAt completion, or null
 */
public record StageRun(String runId, int index, String name, String type, ExecutionStatus status,
                       int attempt, String message, Instant startedAt, Instant finishedAt) {
}
