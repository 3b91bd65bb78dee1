package io.inception.engine.wait;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waiting on a deadline: look; until a look yields a value, pause and look again; when the deadline
 * has passed the outcome says what was awaited and what was last seen. The clock and the pause are
 * injected, so a test moves a hand clock instead of sleeping.
 *
 * <pre>{@code
 * Server active = WaitStrategy.of(Duration.ofMinutes(5), Duration.ofSeconds(2))
 *         .poll("server web-1 ACTIVE", () -> nova.server(id).filter(Server::active), () -> nova.status(id))
 *         .orElseThrow();
 * }</pre>
 *
 * <p>The executor does not use this: its stages return {@code Running} and are polled on its timer.
 * This is for a caller that must hold the thread until something is true (a command, a test).
 *
 * @param timeout  how long to wait at most
 * @param interval the pause between two looks
 * @param clock    what "now" is
 * @param pause    how the time between two looks passes
 */
public record WaitStrategy(Duration timeout, Duration interval, Clock clock, Pause pause) {
    public WaitStrategy {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(pause, "pause");
        if (timeout.isNegative() || interval.isNegative()) {
            throw new IllegalArgumentException("timeout and interval must not be negative: " + timeout + ", " + interval);
        }
    }

    /** Waits up to {@code timeout}, looking every {@code interval}, on the system clock, sleeping between looks. */
    public static WaitStrategy of(Duration timeout, Duration interval) {
        return new WaitStrategy(timeout, interval, Clock.systemUTC(), Pause.SLEEP);
    }

    public WaitStrategy withTimeout(Duration t) {
        return new WaitStrategy(t, interval, clock, pause);
    }

    /** Time as {@code c} tells it, passed by {@code p} (a test: a hand clock and its {@code advance}). */
    public WaitStrategy withClock(Clock c, Pause p) {
        return new WaitStrategy(timeout, interval, c, p);
    }

    /**
     * Looks with {@code probe} until it yields a value or the deadline has passed: it looks at least
     * once, and the last look is at or after the deadline.
     *
     * @param what     what is awaited, for the time-out message
     * @param lastSeen asked once on time-out: what the last look saw
     */
    public <T> Waited<T> poll(String what, Supplier<Optional<T>> probe, Supplier<String> lastSeen) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) return new Waited.Reached<>(value.get());
            if (!clock.instant().isBefore(deadline)) return new Waited.TimedOut<>(what, timeout, lastSeen.get());
            pause.pause(interval);
        }
    }

    /** {@link #poll(String, Supplier, Supplier)} with nothing to say about the last look. */
    public <T> Waited<T> poll(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        return poll(what, probe, () -> "");
    }
}
