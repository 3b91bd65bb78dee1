package io.inception.engine.config;

import java.time.Duration;

/**
 * One wave of a rollout plan.
 *
 * @param name  wave name, unique in the plan
 * @param size  how many hosts the wave takes
 * @param pause how long to wait after the wave before the next one, or {@link Duration#ZERO}
 */
public record Wave(String name, Quantity size, Duration pause) {
}
