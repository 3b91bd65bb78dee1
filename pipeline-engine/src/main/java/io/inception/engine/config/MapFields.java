package io.inception.engine.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the fields of one YAML mapping: rejects unknown keys (with a "did you mean"), reports
 * missing required fields and converts typed values. Every problem goes to the shared
 * {@link Problems}, so a reader continues after an error and reports the next one too.
 */
public final class MapFields {
    private final YamlNode.Mapping map;
    private final String path;
    private final Problems problems;

    private MapFields(YamlNode.Mapping map, String path, Problems problems) {
        this.map = map;
        this.path = path;
        this.problems = problems;
    }

    /** The fields of {@code node}, or empty (and an error) when it is not a mapping. */
    public static Optional<MapFields> of(YamlNode node, String path, Problems problems) {
        if (node instanceof YamlNode.Mapping m) return Optional.of(new MapFields(m, path, problems));
        problems.add(node, path, "expected a map of fields, got " + node.describe());
        return Optional.empty();
    }

    public YamlNode.Mapping node() {
        return map;
    }

    public String path() {
        return path;
    }

    public Problems problems() {
        return problems;
    }

    /** The dotted path of {@code key} under this mapping. */
    public String field(String key) {
        return Problems.field(path, key);
    }

    /** Reports every key not in {@code known}, suggesting the closest known one. */
    public MapFields allow(String... known) {
        return allow(new LinkedHashSet<>(Arrays.asList(known)));
    }

    /** Reports every key not in {@code known}, suggesting the closest known one. */
    public MapFields allow(Set<String> known) {
        for (YamlNode.Entry e : map.entries()) {
            String key = e.key().value();
            if (!known.contains(key)) {
                problems.add(e.key(), field(key), "unknown field '" + key + "'" + Suggestions.didYouMean(key, known)
                        + (known.isEmpty() ? "" : "; known fields: " + String.join(", ", known)));
            }
        }
        return this;
    }

    /** The value of {@code key}; a key with an empty (null) value counts as absent. */
    public Optional<YamlNode> get(String key) {
        return map.entry(key).map(YamlNode.Entry::value)
                .filter(v -> !(v instanceof YamlNode.Scalar s && s.isNull()));
    }

    /** The key node of {@code key}, if present. */
    public Optional<YamlNode.Scalar> key(String key) {
        return map.entry(key).map(YamlNode.Entry::key);
    }

    /** The value of a required field, or empty after reporting it missing. */
    public Optional<YamlNode> require(String key) {
        Optional<YamlNode> v = get(key);
        if (v.isEmpty()) {
            Optional<YamlNode.Scalar> k = key(key);
            if (k.isPresent()) problems.add(k.get(), field(key), "'" + key + "' has no value");
            else problems.add(map, field(key), "missing required field '" + key + "'");
        }
        return v;
    }

    /** A typed value: required fields are reported when absent. */
    public Optional<Object> value(String key, ParamType type, boolean required) {
        Optional<YamlNode> node = required ? require(key) : get(key);
        return node.flatMap(n -> TypedValues.convert(n, type, List.of(), field(key), problems));
    }

    public Optional<String> string(String key, boolean required) {
        return value(key, ParamType.STRING, required).map(String.class::cast);
    }

    public Optional<Long> integer(String key, boolean required) {
        return value(key, ParamType.INT, required).map(Long.class::cast);
    }

    public Optional<Double> number(String key, boolean required) {
        return value(key, ParamType.NUMBER, required).map(Double.class::cast);
    }

    public Optional<Boolean> bool(String key, boolean required) {
        return value(key, ParamType.BOOL, required).map(Boolean.class::cast);
    }

    public Optional<Duration> duration(String key, boolean required) {
        return value(key, ParamType.DURATION, required).map(Duration.class::cast);
    }

    /** An enum value checked against {@code allowed}. */
    public Optional<String> oneOf(String key, boolean required, List<String> allowed) {
        Optional<YamlNode> node = required ? require(key) : get(key);
        return node.flatMap(n -> TypedValues.convert(n, ParamType.ENUM, allowed, field(key), problems))
                .map(String.class::cast);
    }

    /** A list that must be a YAML sequence (its items are returned as nodes). */
    public Optional<YamlNode.Sequence> sequence(String key, boolean required) {
        Optional<YamlNode> node = required ? require(key) : get(key);
        if (node.isEmpty()) return Optional.empty();
        if (node.get() instanceof YamlNode.Sequence s) return Optional.of(s);
        problems.add(node.get(), field(key), "expected a list, got " + node.get().describe());
        return Optional.empty();
    }

    /** A nested mapping. */
    public Optional<MapFields> mapping(String key, boolean required) {
        Optional<YamlNode> node = required ? require(key) : get(key);
        return node.flatMap(n -> of(n, field(key), problems));
    }
}
