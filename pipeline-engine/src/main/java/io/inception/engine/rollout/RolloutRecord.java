package io.inception.engine.rollout;

import io.inception.engine.model.ExecutionStatus;

import java.time.Instant;

/**
 * A stored rollout.
 *
 * @param id        rollout id
 * @param spec      what it does
 * @param status    RUNNING, SUCCEEDED, FAILED (budget spent or a host could not be rolled back)
 * @param message   why it stopped, or empty
 * @param createdAt when it was planned
 * @param updatedAt last change
 */
public record RolloutRecord(String id, RolloutSpec spec, ExecutionStatus status, String message,
                            Instant createdAt, Instant updatedAt) {
}
