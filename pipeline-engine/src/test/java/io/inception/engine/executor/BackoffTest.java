package io.inception.engine.executor;

import io.inception.engine.model.RetryPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    private static Random fixed(double value) {
        return new Random() {
            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(5), 0.5);

    @Test
    void backoffDoublesUpToItsMaximum() {
        Random middle = fixed(0.5); // no spread
        assertThat(Backoff.before(policy, 2, middle)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.before(policy, 3, middle)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.before(policy, 4, middle)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Backoff.before(policy, 5, middle)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void jitterSpreadsTheBackoffByItsFractionWithinTheMaximum() {
        assertThat(Backoff.before(policy, 3, fixed(0.0))).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.before(policy, 3, fixed(1.0))).isEqualTo(Duration.ofSeconds(3));
        assertThat(Backoff.before(policy, 5, fixed(1.0))).as("capped").isEqualTo(Duration.ofSeconds(5));
        assertThat(Backoff.before(RetryPolicy.NONE, 2, fixed(1.0))).isEqualTo(Duration.ZERO);
    }
}
