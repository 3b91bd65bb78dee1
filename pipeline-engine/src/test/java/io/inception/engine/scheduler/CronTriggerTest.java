package io.inception.engine.scheduler;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CronTriggerTest {
    private final List<TriggerEvent> received = new ArrayList<>();
    private final InMemoryTriggerStateStore store = new InMemoryTriggerStateStore();

    private TriggerScheduler scheduler(TriggerDefinition... triggers) {
        BranchHeads noGit = (url, ref) -> {
            throw new AssertionError("cron triggers must not poll git");
        };
        return new TriggerScheduler(List.of(triggers), received::add, store, noGit,
                Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC));
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void firesOncePerScheduledTimeAcrossSeveralTicks() {
        TriggerScheduler s = scheduler(CronTrigger.utc("every-4h", "0 */4 * * *"));

        assertThat(s.tick(at("2026-11-27T01:00:00Z"))).as("first tick only sets the baseline").isEmpty();
        assertThat(s.tick(at("2026-11-27T03:59:50Z"))).isEmpty();
        List<TriggerEvent> fired = s.tick(at("2026-11-27T04:00:00Z"));
        assertThat(fired).singleElement().satisfies(e -> {
            assertThat(e.triggerName()).isEqualTo("every-4h");
            assertThat(e.reason()).isEqualTo(TriggerReason.SCHEDULE);
            assertThat(e.sha()).isNull();
            assertThat(e.firedAt()).isEqualTo(at("2026-11-27T04:00:00Z"));
            assertThat(e.detail()).contains("due at 2026-11-27T04:00:00Z");
        });
        assertThat(s.tick(at("2026-11-27T04:00:10Z"))).as("same scheduled time, no second fire").isEmpty();
        assertThat(s.tick(at("2026-11-27T07:59:59Z"))).isEmpty();
        assertThat(s.tick(at("2026-11-27T08:00:07Z"))).hasSize(1);
        assertThat(received).extracting(TriggerEvent::firedAt)
                .containsExactly(at("2026-11-27T04:00:00Z"), at("2026-11-27T08:00:07Z"));
        assertThat(s.status()).singleElement().satisfies(st -> {
            assertThat(st.lastFiredAt()).isEqualTo(at("2026-11-27T08:00:00Z"));
            assertThat(st.nextDueAt()).isEqualTo(at("2026-11-27T12:00:00Z"));
        });
    }

    @Test
    void missedScheduledTimesCollapseIntoOneFire() {
        TriggerScheduler s = scheduler(CronTrigger.utc("every-4h", "0 */4 * * *"));
        s.tick(at("2026-11-27T08:30:00Z"));

        // 12:00, 16:00 and 20:00 passed between these two ticks
        List<TriggerEvent> fired = s.tick(at("2026-11-27T21:15:00Z"));

        assertThat(fired).singleElement().satisfies(e ->
                assertThat(e.detail()).contains("due at 2026-11-27T20:00:00Z").contains("3 scheduled times"));
        assertThat(s.tick(at("2026-11-27T21:16:00Z"))).isEmpty();
    }

    @Test
    void readsTheScheduleInItsTimezone() {
        // 02:00 in Paris is 01:00 UTC in winter
        TriggerScheduler s = scheduler(new CronTrigger("paris", "0 2 * * *", ZoneId.of("Europe/Paris")));
        s.tick(at("2026-11-27T00:30:00Z"));
        assertThat(s.tick(at("2026-11-27T00:59:59Z"))).isEmpty();
        assertThat(s.tick(at("2026-11-27T01:00:00Z"))).hasSize(1);
    }

    @Test
    void restartDoesNotRefireButCatchesUpOnceForDowntime() {
        CronTrigger hourly = CronTrigger.utc("hourly", "0 * * * *");
        TriggerScheduler first = scheduler(hourly);
        first.tick(at("2026-11-27T09:59:00Z"));
        assertThat(first.tick(at("2026-11-27T10:00:05Z"))).hasSize(1);

        TriggerScheduler restarted = scheduler(hourly);
        assertThat(restarted.tick(at("2026-11-27T10:00:30Z"))).as("10:00 already fired before the restart").isEmpty();

        TriggerScheduler afterDowntime = scheduler(hourly);
        assertThat(afterDowntime.tick(at("2026-11-27T13:20:00Z")))
                .as("11:00, 12:00 and 13:00 were missed while down: one catch-up fire")
                .singleElement().satisfies(e -> assertThat(e.detail()).contains("due at 2026-11-27T13:00:00Z"));
    }

    @Test
    void aFailingListenerDoesNotStopTheSchedule() {
        List<Instant> attempts = new ArrayList<>();
        TriggerScheduler s = new TriggerScheduler(List.of(CronTrigger.utc("hourly", "0 * * * *")), e -> {
            attempts.add(e.firedAt());
            throw new IllegalStateException("queue full");
        }, store, (u, r) -> "x", Clock.systemUTC());
        s.tick(at("2026-11-27T09:59:00Z"));
        s.tick(at("2026-11-27T10:00:00Z"));
        s.tick(at("2026-11-27T11:00:00Z"));
        assertThat(attempts).hasSize(2);
        assertThat(s.status().get(0).lastError()).contains("listener failed: queue full");
    }

    @Test
    void rejectsInvalidExpressionsAndDuplicateNames() {
        assertThatThrownBy(() -> CronTrigger.utc("bad", "61 * * * *"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid cron expression '61 * * * *'");
        assertThatThrownBy(() -> CronTrigger.utc("six", "0 0 * * * *"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 fields");
        assertThatThrownBy(() -> scheduler(CronTrigger.utc("a", "0 * * * *"), CronTrigger.utc("a", "5 * * * *")))
                .hasMessageContaining("duplicate trigger name 'a'");
    }
}
