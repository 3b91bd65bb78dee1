package io.inception.puppet.apply;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads Puppet's report YAML. Puppet writes Ruby object tags ({@code !ruby/object:Puppet::Transaction::Report},
 * {@code !ruby/sym}, {@code !binary}); a permissive constructor reads every unknown tag as the
 * plain map, list or string it carries, and no implicit timestamp typing is done (Puppet's
 * nanosecond times stay strings). Nothing is instantiated from the document, so a report cannot
 * make the parser build objects.
 */
public final class ReportParser {
    private ReportParser() {
    }

    /** Thrown when the text is not a Puppet report; the message says what was wrong. */
    public static final class NotAReport extends RuntimeException {
        NotAReport(String message) {
            super(message);
        }
    }

    /**
     * Parses {@code yaml}; {@code scrub} is applied to every message (to mask secret values).
     */
    public static PuppetReport parse(String yaml, UnaryOperator<String> scrub) {
        Object doc;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(64 * 1024 * 1024);
            options.setAllowDuplicateKeys(true);
            doc = new Yaml(new Permissive(options), new org.yaml.snakeyaml.representer.Representer(new org.yaml.snakeyaml.DumperOptions()),
                    new org.yaml.snakeyaml.DumperOptions(), options, new NoTimestamps()).load(yaml);
        } catch (YAMLException e) {
            throw new NotAReport("not valid report YAML: " + e.getMessage());
        }
        if (!(doc instanceof Map<?, ?> map) || !map.containsKey("resource_statuses")) {
            throw new NotAReport("not a Puppet report: no resource_statuses");
        }
        List<ResourceStatus> resources = new ArrayList<>();
        if (map.get("resource_statuses") instanceof Map<?, ?> statuses) {
            for (Map.Entry<?, ?> e : statuses.entrySet()) {
                if (!(e.getValue() instanceof Map<?, ?> r)) continue;
                boolean changed = bool(r.get("changed"));
                boolean failed = bool(r.get("failed"));
                boolean outOfSync = bool(r.get("out_of_sync")) || changed || failed;
                if (!outOfSync) continue;
                List<String> messages = new ArrayList<>();
                if (r.get("events") instanceof List<?> events) {
                    for (Object ev : events) {
                        if (ev instanceof Map<?, ?> event && event.get("message") != null) {
                            messages.add(scrub.apply(String.valueOf(event.get("message"))));
                        }
                    }
                }
                Object line = r.get("line");
                resources.add(new ResourceStatus(String.valueOf(e.getKey()), text(r.get("file")),
                        line instanceof Number n ? n.intValue() : 0, changed, failed, outOfSync, messages));
            }
        }
        List<String> errors = new ArrayList<>();
        if (map.get("logs") instanceof List<?> logs) {
            for (Object l : logs) {
                if (l instanceof Map<?, ?> log && List.of("err", "alert", "emerg", "crit").contains(String.valueOf(log.get("level")))) {
                    String source = text(log.get("source"));
                    errors.add(scrub.apply((source.isEmpty() || source.equals("Puppet") ? "" : source + ": ") + text(log.get("message"))));
                }
            }
        }
        return new PuppetReport(text(map.get("host")), text(map.get("status")), bool(map.get("noop")),
                text(map.get("puppet_version")), resources, errors);
    }

    private static boolean bool(Object o) {
        return o instanceof Boolean b ? b : "true".equals(String.valueOf(o));
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    /** Unknown tags become the map, list or string they carry. */
    private static final class Permissive extends SafeConstructor {
        Permissive(LoaderOptions options) {
            super(options);
            this.yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    node.setTag(node.getNodeId() == NodeId.mapping ? Tag.MAP
                            : node.getNodeId() == NodeId.sequence ? Tag.SEQ : Tag.STR);
                    return getConstructor(node).construct(node);
                }
            });
        }
    }

    /** YAML 1.1 implicit types without timestamps. */
    private static final class NoTimestamps extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, java.util.regex.Pattern regexp, String first) {
            if (!Tag.TIMESTAMP.equals(tag)) super.addImplicitResolver(tag, regexp, first);
        }

        @Override
        public void addImplicitResolver(Tag tag, java.util.regex.Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) super.addImplicitResolver(tag, regexp, first, limit);
        }
    }
}
