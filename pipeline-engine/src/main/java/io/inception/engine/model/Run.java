package io.inception.engine.model;

import java.time.Instant;

/**
 * One execution of a pipeline against a target (an environment, a lab, ...).
 *
 * @param id             run id
 * @param pipeline       pipeline name
 * @param pipelineCommit commit of the pipeline text that this run executes
 * @param target         what the run acts on; two runs of one pipeline on one target never overlap
 * @param buildId        the build the run carries, or null before the merge made one
 * @param status         overall status
 * @param createdAt      when the run was requested
 * @param startedAt      when it first started, or null
 * @param finishedAt     when it completed, or null
 */
public record Run(String id, String pipeline, String pipelineCommit, String target, String buildId,
                  ExecutionStatus status, Instant createdAt, Instant startedAt, Instant finishedAt) {
    public Run withStatus(ExecutionStatus newStatus) {
        return new Run(id, pipeline, pipelineCommit, target, buildId, newStatus, createdAt, startedAt, finishedAt);
    }
}
