package io.inception.xen.lab;

import io.inception.engine.config.Problems;
import io.inception.engine.config.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed reads of mapping fields that record a positioned problem instead of throwing. */
final class Fields {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB|TiB|K|M|G|T)?", Pattern.CASE_INSENSITIVE);
    private final Problems p;

    /** One item of a sequence with its field path ({@code control-plane[1]}). */
    record Item(YamlNode node, String field) {
    }

    Fields(Problems p) {
        this.p = p;
    }

    void unknownKeys(YamlNode.Mapping m, String parent, Set<String> known) {
        for (YamlNode.Entry e : m.entries()) {
            if (!known.contains(e.key().value())) {
                p.add(e.key(), Problems.field(parent, e.key().value()),
                        "unknown field; expected one of " + known.stream().sorted().toList());
            }
        }
    }

    private Optional<YamlNode> value(YamlNode.Mapping m, String parent, String key, boolean required) {
        Optional<YamlNode.Entry> e = m.entry(key);
        if (e.isEmpty() && required) {
            p.add(m, Problems.field(parent, key), "missing (required)");
        }
        return e.map(YamlNode.Entry::value);
    }

    String string(YamlNode.Mapping m, String parent, String key, boolean required, String dflt) {
        Optional<YamlNode> v = value(m, parent, key, required);
        if (v.isEmpty()) {
            return dflt;
        }
        if (v.get() instanceof YamlNode.Scalar s && !s.isNull()) {
            return s.value();
        }
        p.add(v.get(), Problems.field(parent, key), "expected a string, got " + v.get().describe());
        return dflt;
    }

    YamlNode.Mapping mapping(YamlNode.Mapping m, String parent, String key, boolean required) {
        Optional<YamlNode> v = value(m, parent, key, required);
        if (v.isPresent() && !(v.get() instanceof YamlNode.Mapping)) {
            p.add(v.get(), Problems.field(parent, key), "expected a map, got " + v.get().describe());
            return null;
        }
        return (YamlNode.Mapping) v.orElse(null);
    }

    List<Item> sequence(YamlNode.Mapping m, String parent, String key) {
        Optional<YamlNode> v = value(m, parent, key, false);
        List<Item> out = new ArrayList<>();
        if (v.isEmpty()) {
            return out;
        }
        String field = Problems.field(parent, key);
        if (!(v.get() instanceof YamlNode.Sequence s)) {
            p.add(v.get(), field, "expected a list, got " + v.get().describe());
            return out;
        }
        for (int i = 0; i < s.items().size(); i++) {
            out.add(new Item(s.items().get(i), Problems.index(field, i)));
        }
        return out;
    }

    int integer(YamlNode.Mapping m, String parent, String key, int min, int max, int dflt) {
        Optional<YamlNode> v = value(m, parent, key, false);
        if (v.isEmpty()) {
            return dflt;
        }
        if (v.get() instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.INT) {
            long n = Long.parseLong(s.value());
            if (n >= min && n <= max) {
                return (int) n;
            }
        }
        p.add(v.get(), Problems.field(parent, key), "expected a whole number from " + min + " to " + max);
        return dflt;
    }

    long bytes(YamlNode.Mapping m, String parent, String key, String dflt) {
        String text = string(m, parent, key, false, dflt);
        Matcher x = SIZE.matcher(text.trim());
        if (!x.matches()) {
            p.add(value(m, parent, key, false).orElse(m), Problems.field(parent, key),
                    "expected a size like 512MiB, 8GiB or 1TiB, got \"" + text + "\"");
            return 0;
        }
        long n = Long.parseLong(x.group(1));
        String unit = x.group(2) == null ? "B" : x.group(2).toUpperCase(Locale.ROOT).substring(0, 1);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            case "G" -> n << 30;
            case "T" -> n << 40;
            default -> n;
        };
    }
}
