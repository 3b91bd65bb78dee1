package io.inception.app.promotion;

/**
 * Decides whether a build may be promoted to an environment. The product's gate is {@link SmokePassedGate}
 * (the environment it is promoted from must have passed the build's smoke suite).
 */
@FunctionalInterface
public interface PromotionGate {
    /** The verdict for promoting {@code buildId} to {@code environment}. Never throws for an expected "no". */
    Verdict check(String buildId, String environment);

    /** A gate's answer. */
    sealed interface Verdict {
        String why();

        record Open(String why) implements Verdict { }

        record Closed(String why) implements Verdict { }
    }
}
