package io.inception.engine.model;

import java.time.Duration;

/**
 * How often and how patiently a transient failure is retried.
 *
 * @param maxAttempts    total attempts, including the first (1 = no retry)
 * @param initialBackoff wait before the second attempt
 * @param maxBackoff     upper bound of the exponential backoff
 * @param jitter         fraction (0..1) of random spread applied to each backoff
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1");
        if (jitter < 0 || jitter > 1) throw new IllegalArgumentException("jitter must be in 0..1");
    }

    /** The backoff before attempt {@code attempt} (2 = first retry), without jitter. */
    public Duration backoffBefore(int attempt) {
        if (attempt <= 1) return Duration.ZERO;
        long millis = initialBackoff.toMillis() << Math.min(30, attempt - 2);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    public RetryPolicy withMaxAttempts(int n) {
        return new RetryPolicy(n, initialBackoff, maxBackoff, jitter);
    }
}
