package io.inception.engine.executor;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Waits for a condition by polling it on the executor's timer, never by sleeping. */
final class Polling {
    private Polling() {
    }

    /**
     * Polls {@code probe} every {@code interval} until it yields a value or {@code timeout} passes.
     *
     * @throws TimeoutException with {@code what} in the message when nothing came in time
     */
    static <T> T await(ScheduledExecutorService timer, Supplier<Optional<T>> probe, Duration interval,
                       Duration timeout, String what) throws TimeoutException, InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        ScheduledFuture<?> task = timer.scheduleWithFixedDelay(() -> {
            try {
                probe.get().ifPresent(result::complete);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, 0, Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
        try {
            return result.get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // one last look, so a zero timeout still answers "is it there now?"
            Optional<T> last = probe.get();
            if (last.isPresent()) return last.get();
            throw new TimeoutException(what + " not done after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            task.cancel(false);
        }
    }
}
