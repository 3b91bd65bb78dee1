package io.inception.engine.scheduler;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TriggerStateStore} in a map: survives a scheduler restart within one JVM, nothing more. */
public final class InMemoryTriggerStateStore implements TriggerStateStore {
    private final Map<String, TriggerState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<TriggerState> load(String triggerName) {
        return Optional.ofNullable(states.get(triggerName));
    }

    @Override
    public void save(String triggerName, TriggerState state) {
        states.put(triggerName, state);
    }

    @Override
    public TriggerState locked(String triggerName, UnaryOperator<TriggerState> step) {
        return states.compute(triggerName, (name, state) -> step.apply(state == null ? TriggerState.EMPTY : state));
    }
}
