package io.inception.engine.wait;

import io.inception.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitStrategyTest {
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T08:00:00Z"));
    final List<Instant> looks = new ArrayList<>();
    final WaitStrategy wait = WaitStrategy.of(Duration.ofSeconds(10), Duration.ofSeconds(2)).withClock(clock, clock::advance);

    private Optional<String> activeFromTheThirdLook() {
        looks.add(clock.instant());
        return looks.size() >= 3 ? Optional.of("ACTIVE") : Optional.empty();
    }

    @Test
    void looksEveryIntervalUntilTheValueComes() throws Exception {
        Waited<String> waited = wait.poll("server web-1 ACTIVE", this::activeFromTheThirdLook);

        assertThat(waited).isEqualTo(new Waited.Reached<>("ACTIVE"));
        assertThat(waited.orElseThrow()).isEqualTo("ACTIVE");
        assertThat(looks).containsExactly(Instant.parse("2026-11-27T08:00:00Z"), Instant.parse("2026-11-27T08:00:02Z"),
                Instant.parse("2026-11-27T08:00:04Z"));
    }

    @Test
    void whenTheDeadlinePassesTheOutcomeSaysWhatWasAwaitedAndWhatWasLastSeen() throws Exception {
        Waited<String> waited = wait.poll("server web-1 ACTIVE", () -> {
            looks.add(clock.instant());
            return Optional.empty();
        }, () -> "BUILD (spawning)");

        assertThat(waited).isEqualTo(new Waited.TimedOut<>("server web-1 ACTIVE", Duration.ofSeconds(10), "BUILD (spawning)"));
        assertThat(looks).hasSize(6).last().isEqualTo(Instant.parse("2026-11-27T08:00:10Z"));
        assertThatThrownBy(waited::orElseThrow).isInstanceOf(IllegalStateException.class)
                .hasMessage("server web-1 ACTIVE not reached after 10 s; last seen: BUILD (spawning)");
        assertThatThrownBy(() -> waited.orElseThrow(AssertionError::new)).isInstanceOf(AssertionError.class)
                .hasMessage("server web-1 ACTIVE not reached after 10 s; last seen: BUILD (spawning)");
    }

    @Test
    void aZeroTimeoutLooksOnceAndAShortOneIsToldInMilliseconds() throws Exception {
        Waited<String> now = wait.withTimeout(Duration.ZERO).poll("sshd on 127.0.1.17:22", this::activeFromTheThirdLook,
                () -> "connection refused");
        assertThat(looks).hasSize(1);
        assertThat(((Waited.TimedOut<String>) now).message()).isEqualTo("sshd on 127.0.1.17:22 not reached after 0 s; last seen: connection refused");

        Waited<String> soon = wait.withTimeout(Duration.ofMillis(1500)).poll("the run's gate", Optional::<String>empty);
        assertThat(((Waited.TimedOut<String>) soon).message()).isEqualTo("the run's gate not reached after 1500 ms");
    }
}
