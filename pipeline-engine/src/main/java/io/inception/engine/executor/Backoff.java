package io.inception.engine.executor;

import io.inception.engine.model.RetryPolicy;

import java.time.Duration;
import java.util.Random;

/** The wait before a retry: the policy's exponential backoff, spread by its jitter. */
final class Backoff {
    private Backoff() {
    }

    /**
     * The delay before {@code attempt} (2 = first retry): backoff × (1 ± jitter), within
     * [0, maxBackoff].
     */
    static Duration before(RetryPolicy policy, int attempt, Random random) {
        long base = policy.backoffBefore(attempt).toMillis();
        double spread = policy.jitter() * (2 * random.nextDouble() - 1);
        long millis = Math.round(base * (1 + spread));
        long max = Math.max(policy.maxBackoff().toMillis(), 0);
        return Duration.ofMillis(Math.max(0, Math.min(millis, max)));
    }
}
