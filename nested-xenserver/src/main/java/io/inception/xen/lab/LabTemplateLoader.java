package io.inception.xen.lab;

import io.inception.engine.config.ConfigError;
import io.inception.engine.config.ConfigException;
import io.inception.engine.config.Parsed;
import io.inception.engine.config.Problems;
import io.inception.engine.config.YamlNode;
import io.inception.engine.config.YamlReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Reads lab templates and reports every error with file, line, column and field. */
public final class LabTemplateLoader {
    private static final Set<String> TOP = Set.of("name", "description", "hosts", "pool-join", "control-plane",
            "network", "pools");

    private LabTemplateLoader() {
    }

    /** Every {@code *.yaml} in {@code dir}, by name; throws {@link ConfigException} listing all errors. */
    public static Map<String, LabTemplate> loadAll(Path dir) {
        Map<String, LabTemplate> out = new LinkedHashMap<>();
        List<ConfigError> errors = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Parsed<LabTemplate> t = parse(Files.readString(f), dir.relativize(f).toString());
                errors.addAll(t.errors());
                if (t.value() != null && t.errors().isEmpty()) {
                    out.put(t.value().name(), t.value());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lab templates in " + dir, e);
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return out;
    }

    /** Parses one template; the value is null when there are errors. */
    public static Parsed<LabTemplate> parse(String text, String file) {
        Parsed<YamlNode> yaml = YamlReader.read(text, file);
        Problems p = new Problems();
        p.addAll(yaml.errors());
        if (yaml.value() == null) {
            return new Parsed<>(null, p.sorted());
        }
        if (!(yaml.value() instanceof YamlNode.Mapping root)) {
            p.add(yaml.value(), ConfigError.DOCUMENT, "a lab template is a mapping (name, hosts, pools, ...)");
            return new Parsed<>(null, p.sorted());
        }
        Fields f = new Fields(p);
        f.unknownKeys(root, "", TOP);
        String name = f.string(root, "", "name", true, null);
        String description = f.string(root, "", "description", false, "");
        LabTemplate.NestedHosts hosts = null;
        YamlNode.Mapping h = f.mapping(root, "", "hosts", true);
        if (h != null) {
            f.unknownKeys(h, "hosts", Set.of("count", "vcpus", "memory", "disk"));
            hosts = new LabTemplate.NestedHosts(f.integer(h, "hosts", "count", 1, 16, 3),
                    f.integer(h, "hosts", "vcpus", 1, 64, 4), f.bytes(h, "hosts", "memory", "8GiB"),
                    f.bytes(h, "hosts", "disk", "64GiB"));
        }
        boolean join = Boolean.parseBoolean(f.string(root, "", "pool-join", false, "true"));
        List<LabTemplate.ControlVm> control = new ArrayList<>();
        for (Fields.Item item : f.sequence(root, "", "control-plane")) {
            if (!(item.node() instanceof YamlNode.Mapping m)) {
                p.add(item.node(), item.field(), "a control-plane VM is a mapping (name, template, vcpus, memory)");
                continue;
            }
            f.unknownKeys(m, item.field(), Set.of("name", "template", "vcpus", "memory"));
            control.add(new LabTemplate.ControlVm(f.string(m, item.field(), "name", true, null),
                    f.string(m, item.field(), "template", false, "Debian Bookworm 12"),
                    f.integer(m, item.field(), "vcpus", 1, 64, 2), f.bytes(m, item.field(), "memory", "2GiB")));
        }
        String network = f.string(root, "", "network", false, "lab");
        List<String> pools = new ArrayList<>();
        for (Fields.Item item : f.sequence(root, "", "pools")) {
            if (item.node() instanceof YamlNode.Scalar s && !s.isNull()) {
                pools.add(s.value());
            } else {
                p.add(item.node(), item.field(), "a pool is named by a string");
            }
        }
        if (pools.isEmpty() && root.entry("pools").isEmpty()) {
            p.add(root, "pools", "name the physical pools the lab may use, e.g. pools: [sandbox]");
        }
        if (!p.isEmpty() || name == null || hosts == null) {
            return new Parsed<>(null, p.sorted());
        }
        return new Parsed<>(new LabTemplate(name, description, hosts, join, control, network, pools), p.sorted());
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
