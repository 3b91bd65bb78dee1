package io.inception.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting on a deadline, failing with what was awaited and what was seen. */
public final class Eventually {
    private Eventually() {
    }

    public static void await(BooleanSupplier condition, Duration timeout, String what, Supplier<String> seen) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " not seen after " + timeout.toSeconds() + " s; seen: " + seen.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while awaiting " + what, e);
            }
        }
    }
}
