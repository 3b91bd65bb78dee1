package io.inception.engine.wait;

import java.time.Duration;
import java.util.function.Function;

/**
 * The outcome of a {@link WaitStrategy}: what was awaited came, or the time ran out.
 *
 * @param <T> what was awaited
 */
public sealed interface Waited<T> {
    /** It came. */
    record Reached<T>(T value) implements Waited<T> {
    }

    /**
     * The deadline passed first.
     *
     * @param what     what was awaited, e.g. {@code server web-1 ACTIVE}
     * @param after    the timeout
     * @param lastSeen what the last look saw (empty: nothing worth saying)
     */
    record TimedOut<T>(String what, Duration after, String lastSeen) implements Waited<T> {
        /** {@code server web-1 ACTIVE not reached after 300 s; last seen: BUILD}. */
        public String message() {
            long millis = after.toMillis();
            String time = millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
            return what + " not reached after " + time + (lastSeen.isEmpty() ? "" : "; last seen: " + lastSeen);
        }
    }

    /** The value, or an {@link IllegalStateException} with the {@link TimedOut#message()}. */
    default T orElseThrow() {
        return orElseThrow(IllegalStateException::new);
    }

    /** The value, or the exception {@code error} makes of the {@link TimedOut#message()} (e.g. {@code AssertionError::new}). */
    default <X extends Throwable> T orElseThrow(Function<String, X> error) throws X {
        if (this instanceof Reached<T> reached) return reached.value();
        throw error.apply(((TimedOut<T>) this).message());
    }
}
