package io.inception.engine.scheduler;

import io.inception.engine.config.ConfigError;
import io.inception.engine.config.Durations;
import io.inception.engine.config.Position;
import io.inception.engine.config.Problems;
import io.inception.engine.secret.UrlRedaction;
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
 *       paths: [puppet/**]          # optional: fire only when a new commit changes a matching path
 *       paths-ignore: ["**&#47;*.md"]   # optional: changes to these paths do not count
 * </pre>
 * Globs are {@link PathGlob}s; {@code paths} and {@code paths-ignore} are non-empty lists when written.
 * Other top-level keys of the file are left to their own loaders; a file without {@code triggers}
 * has no triggers.
 *
 * <p>Errors are {@link ConfigError}s of the config package ({@code file:line:column: field: message}),
 * collected in its {@link Problems}; durations are parsed by {@link Durations#parseWithIso(String)}.
 * The YAML is composed with SnakeYAML here rather than by {@code config.YamlReader}, because that reader
 * reports problems anywhere in the file (duplicate keys, an empty file) that belong to the file's other
 * loaders, and {@link #fromNode(String, Node)} is given a SnakeYAML node by a loader owning the file.
 */
public final class TriggerConfigLoader {
    static final Duration DEFAULT_POLL = Duration.ofSeconds(60);
    private static final Set<String> ENTRY_KEYS = Set.of("name", "cron", "timezone", "trunk-moved");
    private static final Set<String> TRUNK_KEYS = Set.of("poll", "repo", "branch", "paths", "paths-ignore");

    private final String file;
    private final Problems problems = new Problems();

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
            Position at = m == null ? Position.startOf(file) : position(file, m);
            return new TriggerConfigs(List.of(), List.of(ConfigError.at(at, "(yaml)", "not valid YAML: " + e.getProblem())));
        }
        if (root == null) return new TriggerConfigs(List.of(), List.of());
        if (!(root instanceof MappingNode map)) {
            loader.error(root, "(root)", "expected a mapping with a 'triggers' key");
            return new TriggerConfigs(List.of(), loader.problems.sorted());
        }
        Node section = loader.entries(map, "(root)", null).get("triggers");
        return section == null ? new TriggerConfigs(List.of(), loader.problems.sorted()) : fromNode(file, section);
    }

    /** Reads an already composed {@code triggers} node (for a loader that owns the whole file). */
    public static TriggerConfigs fromNode(String file, Node triggersNode) {
        TriggerConfigLoader loader = new TriggerConfigLoader(file);
        List<TriggerConfig> out = new ArrayList<>();
        if (!(triggersNode instanceof SequenceNode seq)) {
            loader.error(triggersNode, "triggers", "expected a list of triggers");
            return new TriggerConfigs(out, loader.problems.sorted());
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            TriggerConfig c = loader.entry(seq.getValue().get(i), "triggers[" + i + "]", names);
            if (c != null) out.add(c);
        }
        return new TriggerConfigs(loader.problems.isEmpty() ? out : List.of(), loader.problems.sorted());
    }

    private TriggerConfig entry(Node node, String at, Set<String> names) {
        if (!(node instanceof MappingNode map)) {
            error(node, at, "expected a mapping with 'name' and either 'cron' or 'trunk-moved'");
            return null;
        }
        int before = problems.size();
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
        if (problems.size() > before) return null;
        return new TriggerConfig(name, cron, zone, trunk, node.getStartMark().getLine() + 1);
    }

    private TriggerConfig.TrunkMoved trunkMoved(Node node, String at) {
        if (node instanceof ScalarNode s && s.getValue().isEmpty()) {
            return new TriggerConfig.TrunkMoved(null, null, DEFAULT_POLL); // "trunk-moved:" with defaults
        }
        if (!(node instanceof MappingNode map)) {
            error(node, at, "expected a mapping (poll, repo, branch, paths, paths-ignore)");
            return null;
        }
        Map<String, Node> fields = entries(map, at, TRUNK_KEYS);
        Duration poll = DEFAULT_POLL;
        String pollText = scalar(fields.get("poll"), at + ".poll");
        if (pollText != null) {
            try {
                poll = Durations.parseWithIso(pollText);
                if (poll.compareTo(Duration.ofSeconds(1)) < 0) error(fields.get("poll"), at + ".poll", "must be at least 1s");
            } catch (IllegalArgumentException e) {
                error(fields.get("poll"), at + ".poll", e.getMessage());
            }
        }
        String repo = scalar(fields.get("repo"), at + ".repo");
        String branch = scalar(fields.get("branch"), at + ".branch");
        List<PathGlob> paths = globs(fields.get("paths"), at + ".paths");
        List<PathGlob> ignore = globs(fields.get("paths-ignore"), at + ".paths-ignore");
        return new TriggerConfig.TrunkMoved(repo, branch, poll, new PathFilter(paths, ignore));
    }

    /** A non-empty list of valid globs (none when {@code node} is absent); each bad item is an error. */
    private List<PathGlob> globs(Node node, String at) {
        List<PathGlob> out = new ArrayList<>();
        if (node == null) return out;
        if (!(node instanceof SequenceNode seq)) {
            error(node, at, "expected a list of globs, e.g. [\"puppet/**\"]");
            return out;
        }
        if (seq.getValue().isEmpty()) {
            error(node, at, "must not be empty; leave it out to count every path");
        }
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            String field = at + "[" + i + "]";
            if (!(item instanceof ScalarNode s)) {
                error(item, field, "expected a glob (a single value)");
                continue;
            }
            try {
                out.add(PathGlob.parse(s.getValue()));
            } catch (IllegalArgumentException e) {
                error(item, field, e.getMessage());
            }
        }
        return out;
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
        problems.add(position(file, node.getStartMark()), field, UrlRedaction.redact(message));
    }

    private static Position position(String file, Mark mark) {
        return new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
