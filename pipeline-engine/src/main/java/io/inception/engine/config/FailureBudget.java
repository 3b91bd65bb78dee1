package io.inception.engine.config;

/**
 * How many hosts may fail in a rollout before it stops and rolls back.
 *
 * @param maxFailed a count or a percent of the environment's hosts
 */
public record FailureBudget(Quantity maxFailed) {
    /** No host may fail. */
    public static final FailureBudget NONE = new FailureBudget(new Quantity(Quantity.Kind.COUNT, 0));
}
