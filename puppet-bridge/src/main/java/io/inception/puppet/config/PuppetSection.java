package io.inception.puppet.config;

import io.inception.engine.config.EnvironmentSection;
import io.inception.engine.config.HostPatterns;
import io.inception.engine.config.MapFields;
import io.inception.engine.config.Problems;
import io.inception.engine.config.YamlNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code puppet:} section of environment files:
 * <pre>
 * puppet:
 *   repo: https://git.example/puppet.git   # optional: default the pipeline's own repository
 *   ref: main                              # optional, default main
 *   path: puppet                           # optional folder in the repository, default its root
 *   roles:
 *     - {role: keystone, hosts: [qe-ctl-keystone-1]}
 *     - {role: cell_mysql, cell: c1, hosts: [qe-c1-db-1]}
 *     - {role: nova_compute, compute: true}
 *   hiera:
 *     inception::region: qe
 *   secrets:                               # Hiera key: credential name from `credentials:`
 *     inception::secrets::rabbit_password: rabbit-password
 * </pre>
 */
public final class PuppetSection implements EnvironmentSection<PuppetConfig> {
    /** The section's key. */
    public static final String KEY = "puppet";
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern HIERA_KEY = Pattern.compile("[a-z][a-z0-9_]*(::[a-z][a-z0-9_]*)*");

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Optional<PuppetConfig> read(YamlNode node, String field, Problems problems) {
        Optional<MapFields> fields = MapFields.of(node, field, problems);
        if (fields.isEmpty()) return Optional.empty();
        MapFields f = fields.get().allow("repo", "ref", "path", "roles", "hiera", "secrets");
        int before = problems.size();
        Optional<String> repo = f.string("repo", false);
        String ref = f.string("ref", false).orElse("main");
        String path = f.string("path", false).orElse("");
        if (path.startsWith("/") || path.contains("..")) {
            problems.add(f.get("path").orElseThrow(), f.field("path"), "must be a folder inside the repository, without '..' or a leading '/'");
        }
        List<PuppetConfig.RoleAssignment> roles = roles(f);
        Map<String, Object> hiera = new LinkedHashMap<>();
        f.mapping("hiera", false).ifPresent(h -> h.node().entries().forEach(e -> {
            if (hieraKey(e.key(), h, problems)) hiera.put(e.key().value(), plain(e.value()));
        }));
        Map<String, String> secrets = new LinkedHashMap<>();
        f.mapping("secrets", false).ifPresent(s -> s.node().entries().forEach(e -> {
            if (!hieraKey(e.key(), s, problems)) return;
            if (hiera.containsKey(e.key().value())) {
                problems.add(e.key(), s.field(e.key().value()), "is also a plain value under 'hiera'; a secret is given only by reference");
            }
            s.string(e.key().value(), true).ifPresent(c -> secrets.put(e.key().value(), c));
        }));
        if (problems.size() > before) return Optional.empty();
        return Optional.of(new PuppetConfig(repo, ref, path.replaceAll("/+$", ""), roles, hiera, secrets));
    }

    private static boolean hieraKey(YamlNode.Scalar key, MapFields parent, Problems problems) {
        if (HIERA_KEY.matcher(key.value()).matches()) return true;
        problems.add(key, parent.field(key.value()), "bad Hiera key '" + key.value() + "': use lower-case names joined by '::', like inception::region");
        return false;
    }

    private static List<PuppetConfig.RoleAssignment> roles(MapFields f) {
        Problems problems = f.problems();
        List<PuppetConfig.RoleAssignment> roles = new ArrayList<>();
        f.sequence("roles", true).ifPresent(seq -> {
            for (int i = 0; i < seq.items().size(); i++) {
                String at = Problems.index(f.field("roles"), i);
                MapFields.of(seq.items().get(i), at, problems).ifPresent(r -> {
                    r.allow("role", "hosts", "compute", "cell");
                    Optional<String> role = r.string("role", true);
                    role.filter(name -> !ROLE.matcher(name).matches()).ifPresent(name -> problems.add(r.get("role").orElseThrow(),
                            r.field("role"), "bad role '" + name + "': the class role::<role> needs lower-case letters, digits and '_'"));
                    boolean compute = r.bool("compute", false).orElse(false);
                    List<String> hosts = new ArrayList<>();
                    r.sequence("hosts", false).ifPresent(h -> {
                        for (int j = 0; j < h.items().size(); j++) {
                            YamlNode item = h.items().get(j);
                            String hf = Problems.index(r.field("hosts"), j);
                            if (item instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.STRING) {
                                HostPatterns.expand(s.value(), item, hf, problems).ifPresent(hosts::addAll);
                            } else {
                                problems.add(item, hf, "expected a host name or range, got " + item.describe());
                            }
                        }
                    });
                    if (!compute && hosts.isEmpty() && r.get("hosts").isPresent() == r.get("compute").isPresent()) {
                        problems.add(r.node(), at, "give the role's 'hosts' or 'compute: true'");
                    }
                    if (compute && !hosts.isEmpty()) {
                        problems.add(r.get("hosts").orElseThrow(), r.field("hosts"), "a 'compute: true' role applies to every compute host; drop 'hosts'");
                    }
                    Optional<String> cell = r.string("cell", false);
                    role.ifPresent(name -> roles.add(new PuppetConfig.RoleAssignment(name, hosts, compute, cell)));
                });
            }
        });
        return roles;
    }

    /** A YAML value as plain Java (String, Long, Double, Boolean, List, Map) for Hiera. */
    static Object plain(YamlNode node) {
        if (node instanceof YamlNode.Mapping m) {
            Map<String, Object> map = new LinkedHashMap<>();
            m.entries().forEach(e -> map.put(e.key().value(), plain(e.value())));
            return map;
        }
        if (node instanceof YamlNode.Sequence s) return s.items().stream().map(PuppetSection::plain).toList();
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        return switch (s.kind()) {
            case INT -> Long.parseLong(s.value().replace("_", ""));
            case FLOAT -> Double.parseDouble(s.value());
            case BOOL -> Boolean.parseBoolean(s.value().toLowerCase());
            case NULL -> "";
            case STRING -> s.value();
        };
    }
}
