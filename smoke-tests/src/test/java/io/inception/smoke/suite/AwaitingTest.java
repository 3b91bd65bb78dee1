package io.inception.smoke.suite;

import io.inception.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A smoke test's wait runs on the session's clock and pause, looking again every poll interval. */
class AwaitingTest {
    static final Instant START = Instant.parse("2026-11-27T08:00:00Z");
    final ManualClock clock = new ManualClock(START);
    final SmokeSession session = new SmokeSession(null, clock, clock::advance, new SmokeSession.Timeouts(
            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofSeconds(2)));

    @Test
    void aServerThatBecomesActiveIsReturnedAtTheLookThatSawIt() {
        AtomicInteger looks = new AtomicInteger();
        String server = Awaiting.until(session, Duration.ofMinutes(5), "server web-1 ACTIVE",
                () -> looks.incrementAndGet() == 4 ? Optional.of("web-1 ACTIVE") : Optional.empty(), () -> "BUILD");

        assertThat(server).isEqualTo("web-1 ACTIVE");
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(6));
    }

    @Test
    void aServerThatStaysInBuildFailsTheTestSayingWhatWasAwaitedAndWhatWasLastSeen() {
        assertThatThrownBy(() -> Awaiting.until(session, Duration.ofMinutes(5), "server web-1 ACTIVE", Optional::empty,
                () -> "web-1 BUILD (spawning)"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("server web-1 ACTIVE not reached after 300 s; last seen: web-1 BUILD (spawning)");
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }
}
