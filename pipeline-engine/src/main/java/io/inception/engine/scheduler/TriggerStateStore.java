package io.inception.engine.scheduler;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Durable memory of the triggers, keyed by trigger name, so that a restarted server neither
 * re-fires for a trunk SHA it already handled nor for a scheduled time it already fired.
 * {@link InMemoryTriggerStateStore} is for tests and single-shot use; the server backs it with its database.
 */
public interface TriggerStateStore {
    Optional<TriggerState> load(String triggerName);

    /** Stores {@code state}; committed before it returns. */
    void save(String triggerName, TriggerState state);

    /**
     * Reads the trigger's state, lets {@code step} decide (and act, e.g. fire) on it, and stores what it
     * returns — with the state locked against every other scheduler sharing this store meanwhile, so that
     * two schedulers (cluster nodes) that both saw a trunk move fire it once: the second one's step sees
     * the state the first one left. A step that returns its argument unchanged stores nothing.
     *
     * @return the state after the step
     */
    TriggerState locked(String triggerName, UnaryOperator<TriggerState> step);
}
