package io.inception.engine.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the errors of one or more files while they are read, so that all are reported. */
public final class Problems {
    private final List<ConfigError> errors = new ArrayList<>();

    public void add(Position position, String field, String message) {
        errors.add(ConfigError.at(position, field, message));
    }

    public void add(YamlNode at, String field, String message) {
        add(at.position(), field, message);
    }

    public void addAll(List<ConfigError> more) {
        errors.addAll(more);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    /** The errors sorted by file, line and column (stable for equal positions). */
    public List<ConfigError> sorted() {
        List<ConfigError> copy = new ArrayList<>(errors);
        copy.sort(Comparator.comparing(ConfigError::file).thenComparingInt(ConfigError::line)
                .thenComparingInt(ConfigError::column));
        return copy;
    }

    /** Joins a parent field path and a key: {@code stages[0]} + {@code name}. */
    public static String field(String parent, String key) {
        return parent == null || parent.isEmpty() ? key : parent + "." + key;
    }

    /** Appends an index to a field path: {@code stages} + 2 = {@code stages[2]}. */
    public static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }
}
