package io.inception.engine.scheduler;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of loading a {@code triggers:} section: the triggers when valid, else every error found.
 *
 * @param triggers the entries that were valid
 * @param errors   every problem, with file, line, column and field, in file order; empty when valid
 */
public record TriggerConfigs(List<TriggerConfig> triggers, List<ConfigError> errors) {
    public TriggerConfigs {
        triggers = List.copyOf(triggers);
        // in file order, whatever order the checks ran in
        errors = errors.stream().sorted(java.util.Comparator.comparingInt(ConfigError::line)
                .thenComparingInt(ConfigError::column)).toList();
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** The triggers, or IllegalArgumentException listing every error one per line. */
    public List<TriggerConfig> orThrow() {
        if (isValid()) return triggers;
        throw new IllegalArgumentException(errors.stream().map(ConfigError::toString)
                .collect(Collectors.joining("\n", "invalid triggers configuration:\n", "")));
    }
}
