package io.inception.packaging.deb;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads fields out of a composed YAML node tree, remembering where each came from and collecting
 * every problem instead of stopping at the first.
 */
final class YamlFields {
    private final Path file;
    private final List<SpecProblem> problems = new ArrayList<>();

    YamlFields(Path file) {
        this.file = file;
    }

    List<SpecProblem> problems() {
        return problems;
    }

    SpecLocation at(Node node, String field) {
        Mark m = node.getStartMark();
        return new SpecLocation(file, m.getLine() + 1, m.getColumn() + 1, field);
    }

    void problem(Node node, String field, String message) {
        problems.add(new SpecProblem(at(node, field), message));
    }

    void problem(SpecLocation at, String message) {
        problems.add(new SpecProblem(at, message));
    }

    /**
     * The entries of a mapping by key, reporting unknown and duplicate keys.
     *
     * @param prefix the field path of the mapping ("" at the top, "files[0]." inside a list item)
     */
    Optional<Map<String, NodeTuple>> mapping(Node node, String field, String prefix, Set<String> known) {
        if (!(node instanceof MappingNode map)) {
            problem(node, field.isEmpty() ? "(document)" : field, "must be a mapping of fields");
            return Optional.empty();
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                problem(t.getKeyNode(), prefix + "?", "field names must be plain words");
                continue;
            }
            String name = key.getValue();
            if (!known.contains(name)) {
                problem(key, prefix + name, "unknown field; known fields are " + String.join(", ", known));
            } else if (out.containsKey(name)) {
                problem(key, prefix + name, "field is given twice");
            } else {
                out.put(name, t);
            }
        }
        return Optional.of(out);
    }

    /** A scalar field's text, or null when absent (reported when required). */
    String string(Map<String, NodeTuple> fields, String name, String prefix, boolean required, Node parent) {
        NodeTuple t = fields.get(name);
        if (t == null) {
            if (required) problem(parent, prefix + name, "is required");
            return null;
        }
        if (!(t.getValueNode() instanceof ScalarNode s)) {
            problem(t.getValueNode(), prefix + name, "must be a single value, not a list or mapping");
            return null;
        }
        if (s.getValue().isBlank()) {
            problem(s, prefix + name, "must not be empty");
            return null;
        }
        return s.getValue();
    }

    /** A list of scalars, empty when absent. */
    List<String> strings(Map<String, NodeTuple> fields, String name, String prefix) {
        NodeTuple t = fields.get(name);
        if (t == null) return List.of();
        if (!(t.getValueNode() instanceof SequenceNode seq)) {
            problem(t.getValueNode(), prefix + name, "must be a list");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
                out.add(s.getValue());
            } else {
                problem(item, prefix + name + "[" + i + "]", "must be a non-empty text");
            }
        }
        return out;
    }

    /** The value node of a field (for location of errors found later), or the parent when absent. */
    Node valueOr(Map<String, NodeTuple> fields, String name, Node parent) {
        NodeTuple t = fields.get(name);
        return t == null ? parent : t.getValueNode();
    }
}
