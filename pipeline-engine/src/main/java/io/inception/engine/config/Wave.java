package io.inception.engine.config;

import java.time.Duration;

/**
 * One wave of a rollout plan.
 *
 * @param name       wave name, unique in the plan
 * @param size       how many hosts the wave takes
 * @param pause      how long to wait after the wave before the next one, or {@link Duration#ZERO}
 * @param manualGate after the wave (and its pause) the rollout waits for {@code inception rollout
 *                   approve <id>} ({@code gate: manual})
 */
public record Wave(String name, Quantity size, Duration pause, boolean manualGate) {
    /** A wave without a manual gate. */
    public Wave(String name, Quantity size, Duration pause) {
        this(name, size, pause, false);
    }
}
