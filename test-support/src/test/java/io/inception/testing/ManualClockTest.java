package io.inception.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ManualClockTest {
    @Test
    void timeMovesOnlyWhenTheTestMovesIt() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(clock.instant()).isEqualTo(clock.instant()).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));

        clock.advance(Duration.ofMinutes(5));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-27T08:05:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2026-11-27T08:05:00Z").toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }
}
