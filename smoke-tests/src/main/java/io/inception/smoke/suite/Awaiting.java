package io.inception.smoke.suite;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Waiting for a cloud to reach a state: on a deadline, failing with what was awaited and what was last seen. */
final class Awaiting {
    private Awaiting() {
    }

    static <T> T until(SmokeSession session, Duration timeout, String what, Supplier<Optional<T>> probe,
                       Supplier<String> lastSeen) {
        Instant deadline = session.clock().instant().plus(timeout);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) return value.get();
            if (!session.clock().instant().isBefore(deadline)) {
                throw new AssertionError(what + " not reached after " + timeout.toSeconds() + " s; last seen: " + lastSeen.get());
            }
            try {
                Thread.sleep(session.timeouts().poll().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
