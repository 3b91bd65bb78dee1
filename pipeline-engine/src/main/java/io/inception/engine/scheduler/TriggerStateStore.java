package io.inception.engine.scheduler;

import java.util.Optional;

/**
 * Durable memory of the triggers, keyed by trigger name, so that a restarted server neither
 * re-fires for a trunk SHA it already handled nor for a scheduled time it already fired.
 * {@link InMemoryTriggerStateStore} is for tests and single-shot use; the server backs it with its database.
 */
public interface TriggerStateStore {
    Optional<TriggerState> load(String triggerName);

    /** Stores {@code state}; committed before it returns. */
    void save(String triggerName, TriggerState state);
}
