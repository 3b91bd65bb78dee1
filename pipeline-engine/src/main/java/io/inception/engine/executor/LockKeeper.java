package io.inception.engine.executor;

import io.inception.engine.model.Run;
import io.inception.engine.store.RunLock;
import io.inception.engine.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The executor's side of run locks: when a lock counts as stale and may be taken over, and how a
 * request waits for a lock or is refused.
 *
 * <p>A lock is stale when its holder's heartbeat is older than {@code staleAfter}, when its holder
 * is a process on this host that no longer exists (killed), when its holder is an executor of this
 * process that was closed, or when the run that holds it is already complete — unless the run has a
 * stage queued or claimed in a cluster ({@code heldElsewhere}): between two stages no process
 * heartbeats the lock, and the cluster's claim keeps it.
 */
final class LockKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(LockKeeper.class);
    /** Executors of this JVM that were closed: their locks are stale at once. */
    private static final Set<String> CLOSED_OWNERS = ConcurrentHashMap.newKeySet();

    private final Store store;
    private final Owner owner;
    private final Duration staleAfter;
    private final Predicate<String> activeHere;
    private final Predicate<String> heldElsewhere;

    LockKeeper(Store store, Owner owner, Duration staleAfter, Predicate<String> activeHere,
               Predicate<String> heldElsewhere) {
        this.store = store;
        this.owner = owner;
        this.staleAfter = staleAfter;
        this.activeHere = activeHere;
        this.heldElsewhere = heldElsewhere;
    }

    /**
     * Takes the lock of {@code pipeline} on {@code target} for {@code runId}, waiting up to {@code wait}.
     *
     * @throws RunLockedException when another live run still holds it after the wait
     */
    void acquire(String pipeline, String target, String runId, Duration wait, ScheduledExecutorService timer)
            throws InterruptedException {
        Optional<RunLock> holder = tryAcquire(pipeline, target, runId);
        if (holder.isEmpty()) return;
        if (!wait.isZero()) {
            LOG.info("pipeline '{}' on target '{}' is locked by {}; waiting up to {} s", pipeline, target,
                    holder.get().describe(now()), wait.toSeconds());
            try {
                Duration interval = Duration.ofMillis(Math.min(500, Math.max(20, wait.toMillis() / 20)));
                Polling.await(timer, () -> tryAcquire(pipeline, target, runId).isEmpty()
                        ? Optional.of(Boolean.TRUE) : Optional.empty(), interval, wait, "lock");
                return;
            } catch (TimeoutException e) {
                holder = store.locks().find(pipeline, target);
                if (holder.isEmpty()) {
                    acquire(pipeline, target, runId, Duration.ZERO, timer);
                    return;
                }
            }
        }
        RunLock h = holder.get();
        String waited = wait.isZero() ? "" : " after waiting " + wait.toSeconds() + " s";
        String message = h.runId().equals(runId)
                ? "run " + runId + " is still being executed by pid " + h.ownerPid() + " on " + h.ownerHost()
                  + " (heartbeat " + h.heartbeatAge(now()).toSeconds() + " s ago); it can be resumed once that"
                  + " process is gone or its heartbeat is older than " + staleAfter.toSeconds() + " s"
                : "pipeline '" + pipeline + "' on target '" + target + "' is locked by " + h.describe(now()) + waited
                  + "; wait for it to finish, cancel it, or start with a lock wait";
        throw new RunLockedException(message, h);
    }

    /** One attempt: empty when the lock is now ours, else the current holder. */
    Optional<RunLock> tryAcquire(String pipeline, String target, String runId) {
        for (int round = 0; round < 5; round++) {
            if (store.locks().tryInsert(pipeline, target, runId, owner.id(), owner.pid(), owner.host())) {
                return Optional.empty();
            }
            Optional<RunLock> existing = store.locks().find(pipeline, target);
            if (existing.isEmpty()) continue; // released in between: try again
            RunLock lock = existing.get();
            if (lock.owner().equals(owner.id()) && lock.runId().equals(runId) && !heldElsewhere.test(runId)) {
                return Optional.empty();
            }
            if (!isStale(lock)) return existing;
            if (store.locks().takeOver(lock, runId, owner.id(), owner.pid(), owner.host())) {
                LOG.warn("took over the stale lock of pipeline '{}' on target '{}' from {}", pipeline, target,
                        lock.describe(now()));
                return Optional.empty();
            }
        }
        return store.locks().find(pipeline, target);
    }

    /**
     * Takes the lock of {@code pipeline} on {@code target} for {@code runId} on behalf of a cluster
     * claim of one of its stages: the claim is the authority on who executes the run now, so a lock
     * held by the same run (a previous stage's node, alive or not) is taken over at once; a lock
     * held by another run follows the usual rules.
     *
     * @throws RunLockedException when another live run holds the target
     */
    void claim(String pipeline, String target, String runId) {
        for (int round = 0; round < 5; round++) {
            if (store.locks().tryInsert(pipeline, target, runId, owner.id(), owner.pid(), owner.host())) return;
            Optional<RunLock> existing = store.locks().find(pipeline, target);
            if (existing.isEmpty()) continue;
            RunLock lock = existing.get();
            if (lock.owner().equals(owner.id()) && lock.runId().equals(runId)) return;
            if (!lock.runId().equals(runId) && !isStale(lock)) {
                throw new RunLockedException("pipeline '" + pipeline + "' on target '" + target + "' is locked by "
                        + lock.describe(now()) + "; run " + runId + " cannot execute its claimed stage", lock);
            }
            if (store.locks().takeOver(lock, runId, owner.id(), owner.pid(), owner.host())) return;
        }
        RunLock lock = store.locks().find(pipeline, target).orElseThrow(() -> new IllegalStateException(
                "the lock of pipeline '" + pipeline + "' on target '" + target + "' changed hands five times"));
        throw new RunLockedException("the lock of pipeline '" + pipeline + "' on target '" + target
                + "' keeps changing hands; now " + lock.describe(now()), lock);
    }

    /** Whether the holder of {@code lock} is gone, so that the lock may be taken over. */
    boolean isStale(RunLock lock) {
        if (heldElsewhere.test(lock.runId()) && !runComplete(lock)) return false;
        return holderGone(lock);
    }

    /**
     * Whether no process executes the run of {@code lock} now (its heartbeat is old, its process is
     * gone or closed, its run complete) — whatever the cluster holds for it.
     */
    boolean holderGone(RunLock lock) {
        if (lock.heartbeatAge(now()).compareTo(staleAfter) > 0) return true;
        if (CLOSED_OWNERS.contains(lock.owner())) return true;
        if (lock.owner().equals(owner.id())) return !activeHere.test(lock.runId());
        if (lock.ownerHost().equals(owner.host()) && lock.ownerPid() != owner.pid()
                && ProcessHandle.of(lock.ownerPid()).map(p -> !p.isAlive()).orElse(true)) {
            return true;
        }
        return runComplete(lock);
    }

    private boolean runComplete(RunLock lock) {
        return store.runs().find(lock.runId()).map(Run::status).map(s -> s.isComplete()).orElse(false);
    }

    boolean heartbeat(String runId) {
        return store.locks().heartbeat(runId, owner.id());
    }

    void release(String runId) {
        store.locks().release(runId, owner.id());
    }

    /** After close, this executor's locks are stale to every other executor in this process. */
    void closed() {
        CLOSED_OWNERS.add(owner.id());
    }

    private Instant now() {
        return store.clock().instant();
    }
}
