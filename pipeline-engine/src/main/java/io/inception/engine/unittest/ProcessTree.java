package io.inception.engine.unittest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process and every process it started. The descendants are listed before anything is
 * signalled, because a child whose parent died is re-parented to init and no longer appears among
 * the descendants. SIGTERM first, so test runners can clean up; SIGKILL to what is left after the
 * grace period.
 */
public final class ProcessTree {
    private ProcessTree() {
    }

    /** Terminates {@code root} and its descendants; returns how many processes were signalled. */
    public static int kill(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        // Children first (deepest last in the stream order is not guaranteed, so collect then act).
        root.descendants().forEach(all::add);
        all.add(root);
        all.forEach(ProcessHandle::destroy);
        CompletableFuture<?>[] exits = all.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // some ignored SIGTERM: SIGKILL below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Anything forked during the grace period is caught by a second listing.
        root.descendants().forEach(all::add);
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return all.size();
    }
}
