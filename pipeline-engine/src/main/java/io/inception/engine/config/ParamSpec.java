package io.inception.engine.config;

import java.time.Duration;
import java.util.List;

/**
 * A declared parameter of a stage type or a library template.
 *
 * @param name         the key under {@code with:}
 * @param type         its type
 * @param required     true when it must be given (then it has no default)
 * @param defaultValue the typed default, or null
 * @param values       the allowed values of an {@link ParamType#ENUM}, else empty
 * @param description  one line for {@code --help} and docs
 */
public record ParamSpec(String name, ParamType type, boolean required, Object defaultValue,
                        List<String> values, String description) {
    public ParamSpec {
        values = values == null ? List.of() : List.copyOf(values);
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("parameter '" + name + "' is required and has a default");
        }
        if (type == ParamType.ENUM && values.isEmpty()) {
            throw new IllegalArgumentException("enum parameter '" + name + "' declares no values");
        }
    }

    /** An optional parameter with no default. */
    public static ParamSpec optional(String name, ParamType type) {
        return new ParamSpec(name, type, false, null, List.of(), "");
    }

    /** A required parameter. */
    public static ParamSpec required(String name, ParamType type) {
        return new ParamSpec(name, type, true, null, List.of(), "");
    }

    /** An optional enum parameter with its allowed values. */
    public static ParamSpec oneOf(String name, String... values) {
        return new ParamSpec(name, ParamType.ENUM, false, null, List.of(values), "");
    }

    public ParamSpec withDefault(Object value) {
        return new ParamSpec(name, type, false, value, values, description);
    }

    public ParamSpec withDescription(String text) {
        return new ParamSpec(name, type, required, defaultValue, values, text);
    }

    /** A duration default written as in YAML, e.g. {@code "20m"}. */
    public ParamSpec withDefaultDuration(String text) {
        Duration d = Durations.parse(text).orElseThrow(() -> new IllegalArgumentException("bad duration " + text));
        return withDefault(d);
    }
}
