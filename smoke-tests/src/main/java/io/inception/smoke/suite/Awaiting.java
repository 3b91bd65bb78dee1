package io.inception.smoke.suite;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waiting for a cloud to reach a state, as a smoke test does: a time-out is the test's failure. */
final class Awaiting {
    private Awaiting() {
    }

    /**
     * The session's {@link SmokeSession#waiting wait} for {@code what}.
     *
     * @throws AssertionError when {@code timeout} passed first: what was awaited and {@code lastSeen}
     */
    static <T> T until(SmokeSession session, Duration timeout, String what, Supplier<Optional<T>> probe,
                       Supplier<String> lastSeen) {
        try {
            return session.waiting(timeout).poll(what, probe, lastSeen).orElseThrow(AssertionError::new);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }
}
