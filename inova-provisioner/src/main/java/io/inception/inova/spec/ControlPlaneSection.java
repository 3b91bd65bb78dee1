package io.inception.inova.spec;

import io.inception.engine.config.EnvironmentSection;
import io.inception.engine.config.MapFields;
import io.inception.engine.config.Problems;
import io.inception.engine.config.YamlNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code control-plane:} section of an environment file:
 * <pre>{@code
 * control-plane:
 *   inova: {auth-url: https://inova:5000/v3, username: inception, password: inova-password,
 *           project: inception-qe, domain: Default}     # or: inova: sandbox
 *   watch: true
 *   defaults: {image: debian-12-control, boot-timeout: 10m, launch-retries: 3}
 *   api:                                                 # the API cell
 *     nova-api: {flavor: m1.medium, count: 2, anti-affinity: nova-api}
 *   cell:                                                # every compute cell
 *     scheduler: {flavor: m1.medium, count: 2}
 * }</pre>
 */
public final class ControlPlaneSection implements EnvironmentSection<ControlPlaneSpec> {
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]{0,29}");
    private static final List<String> ROLE_FIELDS = List.of("flavor", "image", "count", "anti-affinity", "health-port",
            "boot-timeout", "launch-retries");

    @Override
    public String key() {
        return "control-plane";
    }

    @Override
    public Optional<ControlPlaneSpec> read(YamlNode node, String field, Problems problems) {
        Optional<MapFields> fields = MapFields.of(node, field, problems);
        if (fields.isEmpty()) return Optional.empty();
        MapFields f = fields.get().allow("inova", "watch", "key-name", "defaults", "images", "api", "cell");
        int before = problems.size();
        Optional<InovaEndpoint> inova = f.require("inova").flatMap(n -> inova(n, f.field("inova"), problems));
        boolean watch = f.bool("watch", false).orElse(true);
        Optional<String> keyName = f.string("key-name", false);
        Map<String, Object> defaults = f.mapping("defaults", false).map(d -> {
            d.allow(ROLE_FIELDS.stream().filter(k -> !k.equals("count")).toArray(String[]::new));
            return roleValues(d);
        }).orElse(Map.of());
        Map<String, ImageSource> images = images(f);
        List<RoleSpec> api = roles(f, "api", true, defaults);
        List<RoleSpec> cell = roles(f, "cell", false, defaults);
        if (problems.size() > before || inova.isEmpty()) return Optional.empty();
        return Optional.of(new ControlPlaneSpec(inova.get(), api, cell, images, keyName, watch));
    }

    private static Optional<InovaEndpoint> inova(YamlNode node, String field, Problems problems) {
        if (node instanceof YamlNode.Scalar s && !s.isNull()) {
            if (s.value().equals("sandbox")) return Optional.of(InovaEndpoint.sandboxEndpoint());
            problems.add(node, field, "expected 'sandbox' or a map with auth-url, username, password, project, domain;"
                    + " got '" + s.value() + "'");
            return Optional.empty();
        }
        return MapFields.of(node, field, problems).flatMap(m -> {
            m.allow("auth-url", "username", "password", "project", "domain");
            Optional<String> url = m.string("auth-url", true);
            url.filter(u -> !u.startsWith("http://") && !u.startsWith("https://")).ifPresent(u ->
                    problems.add(m.get("auth-url").orElseThrow(), m.field("auth-url"),
                            "auth-url must be an http:// or https:// URL of Identity v3, got '" + u + "'"));
            Optional<String> user = m.string("username", true);
            Optional<String> password = m.string("password", true);
            Optional<String> project = m.string("project", true);
            String domain = m.string("domain", false).orElse("Default");
            if (url.isEmpty() || user.isEmpty() || password.isEmpty() || project.isEmpty()) return Optional.empty();
            return Optional.of(new InovaEndpoint(url, user.get(), password.get(), project.get(), domain, false));
        });
    }

    private static Map<String, ImageSource> images(MapFields f) {
        Map<String, ImageSource> out = new LinkedHashMap<>();
        f.mapping("images", false).ifPresent(images -> {
            for (YamlNode.Entry e : images.node().entries()) {
                String name = e.key().value();
                MapFields.of(e.value(), images.field(name), images.problems()).ifPresent(i -> {
                    i.allow("file", "disk-format", "container-format");
                    Optional<String> file = i.string("file", true);
                    String disk = i.oneOf("disk-format", false, List.of("qcow2", "raw", "vhd", "vmdk", "iso")).orElse("qcow2");
                    String container = i.oneOf("container-format", false, List.of("bare", "ovf")).orElse("bare");
                    file.ifPresent(p -> out.put(name, new ImageSource(name, Path.of(p), disk, container)));
                });
            }
        });
        return out;
    }

    private static List<RoleSpec> roles(MapFields f, String key, boolean required, Map<String, Object> defaults) {
        List<RoleSpec> out = new ArrayList<>();
        Problems problems = f.problems();
        f.mapping(key, required).ifPresent(roles -> {
            if (roles.node().entries().isEmpty()) problems.add(roles.node(), roles.field(key), "no roles: name at least one");
            Map<String, Integer> groups = new LinkedHashMap<>();
            for (YamlNode.Entry e : roles.node().entries()) {
                String name = e.key().value();
                String field = roles.field(name);
                if (!ROLE.matcher(name).matches()) {
                    problems.add(e.key(), field, "bad role name '" + name
                            + "': use 1-30 lower-case letters, digits and '-', starting with a letter");
                    continue;
                }
                MapFields.of(e.value(), field, problems).ifPresent(r -> {
                    r.allow(ROLE_FIELDS.toArray(String[]::new));
                    role(name, r, defaults).ifPresent(out::add);
                });
            }
        });
        return out;
    }

    private static Optional<RoleSpec> role(String name, MapFields r, Map<String, Object> defaults) {
        Problems problems = r.problems();
        Map<String, Object> values = new LinkedHashMap<>(defaults);
        values.putAll(roleValues(r));
        for (String needed : List.of("flavor", "image")) {
            if (!values.containsKey(needed) && r.get(needed).isEmpty()) {
                problems.add(r.node(), r.field(needed), "missing required field '" + needed
                        + "' (or set it under control-plane.defaults)");
            }
        }
        long count = r.integer("count", false).orElse(1L);
        if (count < 1 || count > 100) {
            problems.add(r.get("count").orElseThrow(), r.field("count"), "count must be 1..100, got " + count);
        }
        if (!values.containsKey("flavor") || !values.containsKey("image") || count < 1 || count > 100) return Optional.empty();
        return Optional.of(new RoleSpec(name, (String) values.get("flavor"), (String) values.get("image"), (int) count,
                Optional.ofNullable((String) values.get("anti-affinity")),
                Optional.ofNullable((Integer) values.get("health-port")),
                (Duration) values.getOrDefault("boot-timeout", RoleSpec.DEFAULT_BOOT_TIMEOUT),
                (Integer) values.getOrDefault("launch-retries", RoleSpec.DEFAULT_LAUNCH_RETRIES)));
    }

    /** The role fields present in {@code r}, typed, bad ones reported. */
    private static Map<String, Object> roleValues(MapFields r) {
        Map<String, Object> v = new LinkedHashMap<>();
        Problems problems = r.problems();
        r.string("flavor", false).ifPresent(s -> v.put("flavor", s));
        r.string("image", false).ifPresent(s -> v.put("image", s));
        r.string("anti-affinity", false).ifPresent(s -> {
            if (ROLE.matcher(s).matches()) v.put("anti-affinity", s);
            else problems.add(r.get("anti-affinity").orElseThrow(), r.field("anti-affinity"), "bad group name '" + s
                    + "': use 1-30 lower-case letters, digits and '-', starting with a letter");
        });
        r.integer("health-port", false).ifPresent(p -> {
            if (p >= 1 && p <= 65535) v.put("health-port", p.intValue());
            else problems.add(r.get("health-port").orElseThrow(), r.field("health-port"), "a port must be 1..65535, got " + p);
        });
        r.duration("boot-timeout", false).ifPresent(d -> {
            if (!d.isNegative() && !d.isZero()) v.put("boot-timeout", d);
            else problems.add(r.get("boot-timeout").orElseThrow(), r.field("boot-timeout"), "boot-timeout must be positive");
        });
        r.integer("launch-retries", false).ifPresent(n -> {
            if (n >= 1 && n <= 20) v.put("launch-retries", n.intValue());
            else problems.add(r.get("launch-retries").orElseThrow(), r.field("launch-retries"), "launch-retries must be 1..20, got " + n);
        });
        return v;
    }
}
