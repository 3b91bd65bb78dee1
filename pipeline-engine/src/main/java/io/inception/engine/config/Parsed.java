package io.inception.engine.config;

import java.util.List;

/**
 * The result of reading a configuration file: the value (possibly partial or null) and every
 * error found. A value is usable only when {@link #ok()}.
 *
 * @param value  what was read, or null when the file could not be read at all
 * @param errors every error found, in file order
 * @param <T>    the record read
 */
public record Parsed<T>(T value, List<ConfigError> errors) {
    public Parsed {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty() && value != null;
    }

    /** The value, or a {@link ConfigException} listing every error. */
    public T orElseThrow() {
        if (!errors.isEmpty()) throw new ConfigException(errors);
        if (value == null) throw new IllegalStateException("no value and no error");
        return value;
    }
}
