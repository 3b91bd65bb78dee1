package io.inception.engine.scheduler;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code triggers:} section of a YAML file, reporting every error with file, line, column
 * and field:
 * <pre>
 * triggers:
 *   - name: every-4h
 *     cron: "0 *&#47;4 * * *"        # Unix, 5 fields
 *     timezone: Europe/Paris        # optional, default UTC
 *   - name: trunk
 *     trunk-moved:
 *       poll: 60s                   # optional, default 60s, at least 1s
 *       repo: https://git/nova.git  # optional, default: the trunk of branches.yaml
 *       branch: master              # optional, default: the trunk branch of branches.yaml
 * </pre>
 * Other top-level keys of the file are left to their own loaders; a file without {@code triggers}
 * has no triggers.
 */
public final class TriggerConfigLoader {
    static final Duration DEFAULT_POLL = Duration.ofSeconds(60);
    private static final Set<String> ENTRY_KEYS = Set.of("name", "cron", "timezone", "trunk-moved");
    private static final Set<String> TRUNK_KEYS = Set.of("poll", "repo", "branch");

    private final String file;
    private final List<ConfigError> errors = new ArrayList<>();

    private TriggerConfigLoader(String file) {
        this.file = file;
    }

    /** Loads the {@code triggers:} section of {@code path}. */
    public static TriggerConfigs load(Path path) throws IOException {
        return parse(path.toString(), Files.readString(path));
    }

    /** Loads the {@code triggers:} section of {@code yaml}; {@code file} names it in errors. */
    public static TriggerConfigs parse(String file, String yaml) {
        TriggerConfigLoader loader = new TriggerConfigLoader(file);
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            return new TriggerConfigs(List.of(), List.of(new ConfigError(file, m == null ? 1 : m.getLine() + 1,
                    m == null ? 1 : m.getColumn() + 1, "(yaml)", "not valid YAML: " + e.getProblem())));
        }
        if (root == null) return new TriggerConfigs(List.of(), List.of());
        if (!(root instanceof MappingNode map)) {
            loader.error(root, "(root)", "expected a mapping with a 'triggers' key");
            return new TriggerConfigs(List.of(), loader.errors);
        }
        Node section = loader.entries(map, "(root)", null).get("triggers");
        return section == null ? new TriggerConfigs(List.of(), loader.errors) : fromNode(file, section);
    }

    /** Reads an already composed {@code triggers} node (for a loader that owns the whole file). */
    public static TriggerConfigs fromNode(String file, Node triggersNode) {
        TriggerConfigLoader loader = new TriggerConfigLoader(file);
        List<TriggerConfig> out = new ArrayList<>();
        if (!(triggersNode instanceof SequenceNode seq)) {
            loader.error(triggersNode, "triggers", "expected a list of triggers");
            return new TriggerConfigs(out, loader.errors);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            TriggerConfig c = loader.entry(seq.getValue().get(i), "triggers[" + i + "]", names);
            if (c != null) out.add(c);
        }
        return new TriggerConfigs(loader.errors.isEmpty() ? out : List.of(), loader.errors);
    }

    private TriggerConfig entry(Node node, String at, Set<String> names) {
        if (!(node instanceof MappingNode map)) {
            error(node, at, "expected a mapping with 'name' and either 'cron' or 'trunk-moved'");
            return null;
        }
        int before = errors.size();
        Map<String, Node> fields = entries(map, at, ENTRY_KEYS);
        String name = scalar(fields.get("name"), at + ".name");
        if (fields.get("name") == null) error(node, at + ".name", "is required");
        else if (name != null && name.isBlank()) error(fields.get("name"), at + ".name", "must not be empty");
        else if (name != null && !names.add(name)) error(fields.get("name"), at + ".name", "duplicate trigger name '" + name + "'");

        Node cronNode = fields.get("cron");
        Node trunkNode = fields.get("trunk-moved");
        if ((cronNode == null) == (trunkNode == null)) {
            error(node, at, cronNode == null ? "needs either 'cron' or 'trunk-moved'" : "has both 'cron' and 'trunk-moved'; write one");
        }
        String cron = scalar(cronNode, at + ".cron");
        if (cron != null) {
            try {
                CronSchedule.parse(cron);
            } catch (IllegalArgumentException e) {
                error(cronNode, at + ".cron", e.getMessage());
            }
        }
        ZoneId zone = ZoneId.of("UTC");
        String tz = scalar(fields.get("timezone"), at + ".timezone");
        if (tz != null) {
            if (cronNode == null) error(fields.get("timezone"), at + ".timezone", "only applies to a 'cron' trigger");
            try {
                zone = ZoneId.of(tz);
            } catch (DateTimeException e) {
                error(fields.get("timezone"), at + ".timezone", "unknown time zone '" + tz + "' (e.g. UTC, Europe/Paris)");
            }
        }
        TriggerConfig.TrunkMoved trunk = trunkNode == null ? null : trunkMoved(trunkNode, at + ".trunk-moved");
        if (errors.size() > before) return null;
        return new TriggerConfig(name, cron, zone, trunk, node.getStartMark().getLine() + 1);
    }

    private TriggerConfig.TrunkMoved trunkMoved(Node node, String at) {
        if (node instanceof ScalarNode s && s.getValue().isEmpty()) {
            return new TriggerConfig.TrunkMoved(null, null, DEFAULT_POLL); // "trunk-moved:" with defaults
        }
        if (!(node instanceof MappingNode map)) {
            error(node, at, "expected a mapping (poll, repo, branch)");
            return null;
        }
        Map<String, Node> fields = entries(map, at, TRUNK_KEYS);
        Duration poll = DEFAULT_POLL;
        String pollText = scalar(fields.get("poll"), at + ".poll");
        if (pollText != null) {
            try {
                poll = DurationText.parse(pollText);
                if (poll.compareTo(Duration.ofSeconds(1)) < 0) error(fields.get("poll"), at + ".poll", "must be at least 1s");
            } catch (IllegalArgumentException e) {
                error(fields.get("poll"), at + ".poll", e.getMessage());
            }
        }
        String repo = scalar(fields.get("repo"), at + ".repo");
        String branch = scalar(fields.get("branch"), at + ".branch");
        return new TriggerConfig.TrunkMoved(repo, branch, poll);
    }

    /** The keys of {@code map}; unknown (when {@code allowed} is given) and duplicate keys are errors. */
    private Map<String, Node> entries(MappingNode map, String at, Set<String> allowed) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                error(t.getKeyNode(), at, "keys must be plain names");
                continue;
            }
            String key = k.getValue();
            if (allowed != null && !allowed.contains(key)) {
                error(k, at + "." + key, "unknown field (expected one of " + new java.util.TreeSet<>(allowed) + ")");
            } else if (out.putIfAbsent(key, t.getValueNode()) != null) {
                error(k, at + "." + key, "duplicate key");
            }
        }
        return out;
    }

    private String scalar(Node node, String at) {
        if (node == null) return null;
        if (node instanceof ScalarNode s) return s.getValue();
        error(node, at, "expected a single value");
        return null;
    }

    private void error(Node node, String field, String message) {
        Mark m = node.getStartMark();
        errors.add(new ConfigError(file, m.getLine() + 1, m.getColumn() + 1, field, UrlRedaction.redact(message)));
    }
}
