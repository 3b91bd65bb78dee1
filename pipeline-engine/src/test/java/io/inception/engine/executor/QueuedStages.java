package io.inception.engine.executor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hand-off dispatch for tests, as a cluster's queue behaves: one item {@code <run>/<index>} per
 * handed-off stage (idempotent), held until the test (playing the claiming node) marks it done.
 */
final class QueuedStages implements StageDispatch {
    private final Set<String> items = ConcurrentHashMap.newKeySet();
    /** Every ticket handed off, in order. */
    final List<StageTicket> tickets = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Duration parkFrom;

    QueuedStages(Duration parkFrom) {
        this.parkFrom = parkFrom;
    }

    @Override
    public boolean handsOff() {
        return true;
    }

    @Override
    public void handOff(StageTicket ticket) {
        tickets.add(ticket);
        items.add(ticket.runId() + "/" + ticket.index());
    }

    @Override
    public boolean holdsRun(String runId) {
        return items.stream().anyMatch(i -> i.startsWith(runId + "/"));
    }

    @Override
    public Optional<Duration> parkWaitsFrom() {
        return Optional.ofNullable(parkFrom);
    }

    /** The queued items, sorted. */
    List<String> items() {
        List<String> sorted = new ArrayList<>(items);
        sorted.sort(null);
        return sorted;
    }

    /** The claim of {@code item} ended with the work done: it leaves the queue. */
    void done(String item) {
        items.remove(item);
    }
}
