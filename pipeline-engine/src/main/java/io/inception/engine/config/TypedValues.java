package io.inception.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Converts a YAML node to the Java value of a {@link ParamType}, reporting a precise error
 * (at the node's position, under the given field) when it does not fit.
 */
public final class TypedValues {
    private TypedValues() {
    }

    /** Converts {@code node} as {@code spec} declares, or reports and returns empty. */
    public static Optional<Object> convert(YamlNode node, ParamSpec spec, String field, Problems problems) {
        return convert(node, spec.type(), spec.values(), field, problems);
    }

    /** Converts {@code node} to {@code type}; {@code allowed} is used for enums. */
    public static Optional<Object> convert(YamlNode node, ParamType type, List<String> allowed, String field,
                                           Problems problems) {
        if (type == ParamType.LIST) return list(node, field, problems);
        if (!(node instanceof YamlNode.Scalar s) || s.isNull()) {
            problems.add(node, field, "expected " + type.expected() + ", got " + node.describe());
            return Optional.empty();
        }
        String v = s.value();
        switch (type) {
            case STRING:
                if (s.kind() != YamlNode.ScalarKind.STRING) {
                    problems.add(node, field, "expected a string, got " + s.describe() + " " + v
                            + " (quote it: \"" + v + "\")");
                    return Optional.empty();
                }
                return Optional.of(v);
            case INT:
                if (s.kind() == YamlNode.ScalarKind.INT) {
                    try {
                        return Optional.of(Long.decode(v.replace("_", "")));
                    } catch (NumberFormatException e) {
                        problems.add(node, field, "integer " + v + " is out of range");
                        return Optional.empty();
                    }
                }
                problems.add(node, field, "expected an integer, got " + s.describe() + " '" + v + "'");
                return Optional.empty();
            case NUMBER:
                if (s.kind() == YamlNode.ScalarKind.INT || s.kind() == YamlNode.ScalarKind.FLOAT) {
                    try {
                        return Optional.of(Double.parseDouble(v.replace("_", "")));
                    } catch (NumberFormatException e) {
                        problems.add(node, field, "bad number '" + v + "'");
                        return Optional.empty();
                    }
                }
                problems.add(node, field, "expected a number, got " + s.describe() + " '" + v + "'");
                return Optional.empty();
            case BOOL:
                if (s.kind() == YamlNode.ScalarKind.BOOL) {
                    String l = v.toLowerCase(Locale.ROOT);
                    return Optional.of(l.equals("true") || l.equals("yes") || l.equals("on") || l.equals("y"));
                }
                problems.add(node, field, "expected a boolean (true or false), got " + s.describe() + " '" + v + "'");
                return Optional.empty();
            case DURATION: {
                Optional<java.time.Duration> d = Durations.parse(v);
                if (d.isEmpty()) {
                    problems.add(node, field, "bad duration '" + v + "': expected " + Durations.EXAMPLES);
                    return Optional.empty();
                }
                return Optional.of(d.get());
            }
            case ENUM:
                if (!allowed.contains(v)) {
                    problems.add(node, field, "bad value '" + v + "': expected one of " + String.join(", ", allowed)
                            + Suggestions.didYouMean(v, allowed));
                    return Optional.empty();
                }
                return Optional.of(v);
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    private static Optional<Object> list(YamlNode node, String field, Problems problems) {
        if (!(node instanceof YamlNode.Sequence seq)) {
            problems.add(node, field, "expected a list, got " + node.describe());
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            if (item instanceof YamlNode.Scalar s && !s.isNull()) {
                out.add(s.value());
            } else {
                problems.add(item, Problems.index(field, i), "list items must be plain values, got " + item.describe());
                ok = false;
            }
        }
        return ok ? Optional.of(List.copyOf(out)) : Optional.empty();
    }
}
