package io.inception.cluster;

import io.inception.engine.wait.WaitStrategy;
import io.inception.engine.wait.Waited;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting on a deadline in a test ({@link WaitStrategy}), failing with what was awaited and what was seen. */
public final class Eventually {
    private Eventually() {
    }

    public static void await(BooleanSupplier condition, Duration timeout, String what, Supplier<String> seen) {
        Waited<Boolean> waited;
        try {
            waited = WaitStrategy.of(timeout, Duration.ofMillis(50))
                    .poll(what, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty(), seen);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while awaiting " + what, e);
        }
        if (waited instanceof Waited.TimedOut<Boolean> timedOut) throw new AssertionError(timedOut.message());
    }
}
