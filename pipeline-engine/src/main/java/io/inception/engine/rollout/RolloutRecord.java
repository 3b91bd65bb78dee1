package io.inception.engine.rollout;

import io.inception.engine.model.ExecutionStatus;

import java.time.Instant;

/**
 * A stored rollout.
 *
 * @param id        rollout id
 * @param spec      what it does
 * @param status    RUNNING, WAITING (at a pause or manual gate between waves), SUCCEEDED, FAILED (budget
 *                  spent or a host could not be rolled back)
 * @param message   why it stopped, or empty
 * @param createdAt when it was planned
 * @param updatedAt last change
 * @param approvedGates the manual gates after waves {@code 0 .. approvedGates-1} are approved
 */
public record RolloutRecord(String id, RolloutSpec spec, ExecutionStatus status, String message,
                            Instant createdAt, Instant updatedAt, int approvedGates) {
    /** Whether the manual gate after wave {@code waveIndex} (0-based) was approved. */
    public boolean approved(int waveIndex) {
        return approvedGates > waveIndex;
    }
}
