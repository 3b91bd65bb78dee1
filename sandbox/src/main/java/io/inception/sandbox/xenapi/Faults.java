package io.inception.sandbox.xenapi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for tests and demos: make the start of some VMs fail, or expire every session
 * after a number of calls (a session that expires in the middle of an operation).
 */
public final class Faults {
    private final Map<String, String> startFailures = new ConcurrentHashMap<>();
    private final AtomicInteger callsUntilSessionExpiry = new AtomicInteger(-1);
    private volatile long taskDelayMillis = 20;

    /** Every start of a VM whose name label begins with {@code prefix} fails with {@code errorCode}. */
    public Faults failStartOf(String prefix, String errorCode) {
        startFailures.put(prefix, errorCode);
        return this;
    }

    /** Removes every injected fault. */
    public Faults clear() {
        startFailures.clear();
        callsUntilSessionExpiry.set(-1);
        taskDelayMillis = 20;
        return this;
    }

    /** After {@code calls} more authenticated calls, every session of the pool becomes invalid once. */
    public Faults expireSessionsAfter(int calls) {
        callsUntilSessionExpiry.set(calls);
        return this;
    }

    /** How long an {@code Async.*} task stays pending before it runs (default 20 ms). */
    public Faults taskDelay(long millis) {
        taskDelayMillis = millis;
        return this;
    }

    long taskDelayMillis() {
        return taskDelayMillis;
    }

    String startFailureFor(String nameLabel) {
        return startFailures.entrySet().stream().filter(e -> nameLabel.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    boolean consumeSessionExpiry() {
        return callsUntilSessionExpiry.getAndUpdate(n -> n >= 0 ? n - 1 : n) == 0;
    }
}
