package io.inception.engine.config;

import java.util.List;
import java.util.Optional;

/**
 * A YAML value with the position it was written at. A small immutable tree converted from
 * SnakeYAML's composed nodes, so that positions survive template expansion (a value substituted
 * from a pipeline into a library template keeps the pipeline's file and line).
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {
    Position position();

    /** Words for error messages: "a string", "a map", ... */
    String describe();

    /** What a scalar was resolved to by YAML's implicit typing. */
    enum ScalarKind { STRING, INT, FLOAT, BOOL, NULL }

    /** A scalar: its text as written and what YAML resolved it to. */
    record Scalar(String value, ScalarKind kind, Position position) implements YamlNode {
        public boolean isNull() {
            return kind == ScalarKind.NULL;
        }

        public Scalar withPosition(Position p) {
            return new Scalar(value, kind, p);
        }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "a string";
                case INT -> "an integer";
                case FLOAT -> "a number";
                case BOOL -> "a boolean";
                case NULL -> "nothing (null)";
            };
        }
    }

    /** One key and its value in a mapping. */
    record Entry(Scalar key, YamlNode value) {
    }

    /** A mapping, its entries in file order. Keys are unique (duplicates are reported on read). */
    record Mapping(List<Entry> entries, Position position) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().value().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, Position position) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
