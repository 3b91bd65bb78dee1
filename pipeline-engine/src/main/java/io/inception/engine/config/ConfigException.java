package io.inception.engine.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by loaders when a configuration file has errors; carries every error, not just the first. */
public final class ConfigException extends RuntimeException {
    private final List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(errors.size() + " configuration error(s):\n"
                + errors.stream().map(ConfigError::format).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
