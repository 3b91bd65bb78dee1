package io.inception.app.promotion;

/**
 * Decides whether a build may leave QE. The default is {@link SmokeFactGate}; any check that looks at the
 * build (e.g. the smoke-tests module's own gate) can stand in as a lambda.
 */
@FunctionalInterface
public interface PromotionGate {
    /** The verdict for {@code buildId}. Never throws for an expected "no". */
    Verdict check(String buildId);

    /** A gate's answer. */
    sealed interface Verdict {
        String why();

        record Open(String why) implements Verdict { }

        record Closed(String why) implements Verdict { }
    }
}
