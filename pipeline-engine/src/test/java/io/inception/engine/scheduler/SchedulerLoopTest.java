package io.inception.engine.scheduler;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The production loop: {@code start} ticks with the injected clock and survives failing polls. */
class SchedulerLoopTest {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    @Test
    void startTicksPeriodicallyAndKeepsGoingAfterErrors() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        // poll 1: baseline; poll 2: a bug in the head reader; poll 3: unreachable; poll 4: trunk moved
        BranchHeads heads = (url, ref) -> switch (polls.incrementAndGet()) {
            case 1 -> "aaaa";
            case 2 -> throw new IllegalStateException("bug while reading " + url);
            case 3 -> throw new BranchHeads.BranchHeadException("unreachable", null);
            default -> "bbbb";
        };
        LinkedBlockingQueue<TriggerEvent> events = new LinkedBlockingQueue<>();
        TriggerScheduler scheduler = new TriggerScheduler(
                List.of(new TrunkMovedTrigger("trunk", "https://u:secret@h/r.git", "master", Duration.ofSeconds(1))),
                events::add, new InMemoryTriggerStateStore(), heads, Clock.systemUTC());

        ScheduledFuture<?> loop = scheduler.start(executor, Duration.ofMillis(50));
        TriggerEvent event = events.poll(30, TimeUnit.SECONDS);
        loop.cancel(false);

        assertThat(event).isNotNull();
        assertThat(event.sha()).isEqualTo("bbbb");
        assertThat(event.detail()).contains("https://u:***@h/r.git").doesNotContain("secret");
        assertThat(polls.get()).isGreaterThanOrEqualTo(4);
    }
}
