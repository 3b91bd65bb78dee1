package io.inception.engine.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into a {@link YamlNode} tree with file, line and column on every node, using
 * SnakeYAML's composer (the node API), never its object constructor. Syntax errors and duplicate
 * keys are reported as {@link ConfigError}s.
 */
public final class YamlReader {
    private static final int MAX_DEPTH = 64;

    private YamlReader() {
    }

    /** Parses {@code text}; {@code file} is the label used in positions. */
    public static Parsed<YamlNode> read(String text, String file) {
        Problems problems = new Problems();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported below, with both positions
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(4 * 1024 * 1024);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Node root;
        try {
            root = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Position at = mark == null ? Position.startOf(file) : position(file, mark);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            String hint = problem != null && problem.contains("but got [")
                    ? "; quote values that contain brackets, e.g. \"qe-c1-[001:100]\"" : "";
            problems.add(at, ConfigError.DOCUMENT, "YAML syntax error: " + problem + hint);
            return new Parsed<>(null, problems.sorted());
        } catch (YAMLException e) {
            problems.add(Position.startOf(file), ConfigError.DOCUMENT, "YAML error: " + e.getMessage());
            return new Parsed<>(null, problems.sorted());
        }
        if (root == null) {
            problems.add(Position.startOf(file), ConfigError.DOCUMENT, "the file is empty");
            return new Parsed<>(null, problems.sorted());
        }
        YamlNode node = convert(root, file, "", problems, 0);
        return new Parsed<>(node, problems.sorted());
    }

    private static YamlNode convert(Node node, String file, String field, Problems problems, int depth) {
        Position at = position(file, node.getStartMark());
        if (depth > MAX_DEPTH) {
            problems.add(at, field, "nested too deeply (recursive alias?)");
            return new YamlNode.Scalar("", YamlNode.ScalarKind.NULL, at);
        }
        if (node instanceof ScalarNode scalar) {
            return new YamlNode.Scalar(scalar.getValue(), kind(scalar.getTag()), at);
        }
        if (node instanceof SequenceNode seq) {
            List<YamlNode> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                items.add(convert(item, file, Problems.index(field, items.size()), problems, depth + 1));
            }
            return new YamlNode.Sequence(items, at);
        }
        MappingNode map = (MappingNode) node;
        List<YamlNode.Entry> entries = new ArrayList<>();
        Map<String, Position> seen = new HashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Node keyNode = tuple.getKeyNode();
            Position keyAt = position(file, keyNode.getStartMark());
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                problems.add(keyAt, field, "keys must be plain names, not " + (keyNode instanceof MappingNode ? "maps" : "lists"));
                continue;
            }
            String key = keyScalar.getValue();
            String keyField = Problems.field(field, key);
            Position first = seen.putIfAbsent(key, keyAt);
            if (first != null) {
                problems.add(keyAt, keyField, "duplicate key '" + key + "' (first defined at line " + first.line() + ")");
                continue;
            }
            YamlNode.Scalar k = new YamlNode.Scalar(key, YamlNode.ScalarKind.STRING, keyAt);
            entries.add(new YamlNode.Entry(k, convert(tuple.getValueNode(), file, keyField, problems, depth + 1)));
        }
        return new YamlNode.Mapping(entries, at);
    }

    private static YamlNode.ScalarKind kind(Tag tag) {
        if (Tag.INT.equals(tag)) return YamlNode.ScalarKind.INT;
        if (Tag.FLOAT.equals(tag)) return YamlNode.ScalarKind.FLOAT;
        if (Tag.BOOL.equals(tag)) return YamlNode.ScalarKind.BOOL;
        if (Tag.NULL.equals(tag)) return YamlNode.ScalarKind.NULL;
        return YamlNode.ScalarKind.STRING;
    }

    private static Position position(String file, Mark mark) {
        return new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
