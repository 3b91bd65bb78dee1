package io.inception.engine.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an environment file into an {@link EnvironmentFile}, reporting every error. */
final class EnvironmentFileReader {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern QUANTITY = Pattern.compile("(\\d+)(%?)");
    /** A region is a zone of the cluster: the same rule as a node's {@code --zones} names. */
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private EnvironmentFileReader() {
    }

    static Parsed<EnvironmentFile> read(String text, String label) {
        Parsed<YamlNode> yaml = YamlReader.read(text, label);
        if (yaml.value() == null) return new Parsed<>(null, yaml.errors());
        Problems problems = new Problems();
        problems.addAll(yaml.errors());
        EnvironmentFile env = MapFields.of(yaml.value(), "", problems).map(f -> read(f, label)).orElse(null);
        return new Parsed<>(problems.isEmpty() ? env : null, problems.sorted());
    }

    private static EnvironmentFile read(MapFields f, String label) {
        java.util.Set<String> known = new java.util.LinkedHashSet<>(List.of(
                "name", "description", "cells", "credentials", "ssh", "waves", "failure-budget"));
        EnvironmentSection.discovered().forEach(s -> known.add(s.key()));
        f.allow(known);
        Problems problems = f.problems();
        Map<String, YamlNode> sections = new LinkedHashMap<>();
        for (EnvironmentSection<?> section : EnvironmentSection.discovered()) {
            f.get(section.key()).ifPresent(node -> {
                sections.put(section.key(), node);
                section.read(node, section.key(), problems);
            });
        }
        Optional<String> name = f.string("name", true);
        name.ifPresent(n -> {
            YamlNode at = f.get("name").orElseThrow();
            if (!NAME.matcher(n).matches()) {
                problems.add(at, "name", "bad environment name '" + n + "': use lower-case letters, digits, '-' and '_'");
            } else {
                String base = baseName(label);
                if (base != null && !base.equals(n)) {
                    problems.add(at, "name", "name '" + n + "' does not match the file name '" + base + ".yaml'");
                }
            }
        });
        String description = f.string("description", false).orElse(name.orElse(""));
        List<Cell> cells = cells(f);
        Map<String, CredentialRef> credentials = credentials(f);
        String sshUser = f.mapping("ssh", false).flatMap(s -> s.allow("user").string("user", false)).orElse("root");
        List<Wave> waves = waves(f);
        FailureBudget budget = f.mapping("failure-budget", false)
                .flatMap(b -> b.allow("max-failed").require("max-failed")
                        .flatMap(n -> quantity(n, b.field("max-failed"), false, true, problems)))
                .map(FailureBudget::new).orElse(FailureBudget.NONE);
        return name.map(n -> new EnvironmentFile(n, description, cells, credentials, sshUser, waves, budget, label,
                        sections))
                .orElse(null);
    }

    static String baseName(String label) {
        String file = label.substring(label.lastIndexOf('/') + 1);
        if (file.endsWith(".yaml")) return file.substring(0, file.length() - 5);
        if (file.endsWith(".yml")) return file.substring(0, file.length() - 4);
        return null;
    }

    private static List<Cell> cells(MapFields f) {
        Problems problems = f.problems();
        List<Cell> cells = new ArrayList<>();
        Map<String, String> hostCell = new HashMap<>();
        Map<String, Integer> cellLines = new HashMap<>();
        List<RegionAt> regions = new ArrayList<>();
        f.sequence("cells", true).ifPresent(seq -> {
            if (seq.items().isEmpty()) problems.add(seq, "cells", "an environment needs at least one cell");
            for (int i = 0; i < seq.items().size(); i++) {
                String field = Problems.index("cells", i);
                MapFields.of(seq.items().get(i), field, problems).ifPresent(c -> {
                    c.allow("name", "region", "hosts");
                    Optional<String> cellName = c.string("name", true);
                    cellName.ifPresent(n -> {
                        Integer first = cellLines.putIfAbsent(n, c.node().position().line());
                        if (first != null) problems.add(c.get("name").orElseThrow(), c.field("name"),
                                "duplicate cell name '" + n + "' (first at line " + first + ")");
                    });
                    List<String> hosts = new ArrayList<>();
                    c.sequence("hosts", true).ifPresent(hs -> {
                        if (hs.items().isEmpty()) problems.add(hs, c.field("hosts"), "a cell needs at least one host");
                        for (int h = 0; h < hs.items().size(); h++) {
                            YamlNode item = hs.items().get(h);
                            String hf = Problems.index(c.field("hosts"), h);
                            TypedValues.convert(item, ParamType.STRING, List.of(), hf, problems)
                                    .flatMap(p -> HostPatterns.expand((String) p, item, hf, problems))
                                    .ifPresent(names -> {
                                        for (String host : names) {
                                            String other = hostCell.putIfAbsent(host, cellName.orElse("?"));
                                            if (other != null) {
                                                problems.add(item, hf, "host '" + host + "' is listed twice (also in cell '" + other + "')");
                                                return;
                                            }
                                            hosts.add(host);
                                        }
                                    });
                        }
                    });
                    Optional<String> region = region(c);
                    region.ifPresent(r -> regions.add(new RegionAt(r, c.get("region").orElseThrow(), c.field("region"))));
                    cellName.ifPresent(n -> cells.add(new Cell(n, hosts, region)));
                });
            }
        });
        java.util.Set<String> names = new java.util.HashSet<>(cells.stream().map(Cell::name).toList());
        for (RegionAt r : regions) {
            if (names.contains(r.region())) {
                problems.add(r.node(), r.field(), "region '" + r.region() + "' is also the name of a cell: a node"
                        + " listing it could not tell the cell from the region");
            }
        }
        return cells;
    }

    private record RegionAt(String region, YamlNode node, String field) {
    }

    /** The cell's optional {@code region:}, checked as a zone name. */
    private static Optional<String> region(MapFields c) {
        Optional<String> region = c.string("region", false);
        if (region.isPresent() && !REGION.matcher(region.get()).matches()) {
            c.problems().add(c.get("region").orElseThrow(), c.field("region"), "bad region '" + region.get()
                    + "': letters, digits, '.', '_' and '-', starting with a letter or digit, at most 63 characters");
            return Optional.empty();
        }
        return region;
    }

    private static Map<String, CredentialRef> credentials(MapFields f) {
        Problems problems = f.problems();
        Map<String, CredentialRef> out = new LinkedHashMap<>();
        f.mapping("credentials", false).ifPresent(c -> {
            for (YamlNode.Entry e : c.node().entries()) {
                String key = e.key().value();
                String field = c.field(key);
                if (!(e.value() instanceof YamlNode.Mapping)) {
                    // never echo the value: it may be the secret itself
                    problems.add(e.value(), field, "credential '" + key + "' must be a reference "
                            + "({env: VARIABLE} or {file: /path}), not a literal value (value not shown)");
                    continue;
                }
                MapFields ref = MapFields.of(e.value(), field, problems).orElseThrow().allow("env", "file");
                Optional<String> env = ref.string("env", false);
                Optional<String> file = ref.string("file", false);
                if (env.isPresent() == file.isPresent()) {
                    problems.add(e.value(), field, "credential '" + key + "' needs exactly one of 'env' or 'file'");
                } else {
                    out.put(key, env.map(v -> new CredentialRef(key, CredentialRef.Source.ENV, v))
                            .orElseGet(() -> new CredentialRef(key, CredentialRef.Source.FILE, file.get())));
                }
            }
        });
        return out;
    }

    private static List<Wave> waves(MapFields f) {
        Problems problems = f.problems();
        List<Wave> waves = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        Optional<YamlNode.Sequence> seq = f.sequence("waves", false);
        if (seq.isEmpty()) return List.of(new Wave("all", new Quantity(Quantity.Kind.REST, 0), Duration.ZERO));
        List<YamlNode> items = seq.get().items();
        for (int i = 0; i < items.size(); i++) {
            String field = Problems.index("waves", i);
            boolean last = i == items.size() - 1;
            MapFields.of(items.get(i), field, problems).ifPresent(w -> {
                w.allow("name", "size", "pause", "gate");
                Optional<String> name = w.string("name", true);
                name.ifPresent(n -> {
                    Integer first = names.putIfAbsent(n, w.node().position().line());
                    if (first != null) problems.add(w.get("name").orElseThrow(), w.field("name"),
                            "duplicate wave name '" + n + "' (first at line " + first + ")");
                });
                Optional<Quantity> size = w.require("size").flatMap(n -> {
                    Optional<Quantity> q = quantity(n, w.field("size"), true, false, problems);
                    if (q.isPresent() && q.get().kind() == Quantity.Kind.REST && !last) {
                        problems.add(n, w.field("size"), "only the last wave can take the rest");
                        return Optional.empty();
                    }
                    return q;
                });
                Duration pause = w.duration("pause", false).orElse(Duration.ZERO);
                boolean manual = w.oneOf("gate", false, List.of("manual", "none")).map("manual"::equals).orElse(false);
                if (name.isPresent() && size.isPresent()) waves.add(new Wave(name.get(), size.get(), pause, manual));
            });
        }
        if (items.isEmpty()) problems.add(seq.get(), "waves", "the wave plan is empty; leave 'waves' out for one wave");
        return waves;
    }

    /** 5, 10% or (when allowed) rest. */
    private static Optional<Quantity> quantity(YamlNode node, String field, boolean allowRest, boolean allowZero,
                                               Problems problems) {
        String expected = "a number of hosts (5) or a percent (10%)" + (allowRest ? " or 'rest'" : "");
        if (!(node instanceof YamlNode.Scalar s) || s.isNull()) {
            problems.add(node, field, "expected " + expected + ", got " + node.describe());
            return Optional.empty();
        }
        if (allowRest && s.value().equals("rest")) return Optional.of(new Quantity(Quantity.Kind.REST, 0));
        Matcher m = QUANTITY.matcher(s.value());
        if (!m.matches() || m.group(1).length() > 6) {
            problems.add(node, field, "bad size '" + s.value() + "': expected " + expected);
            return Optional.empty();
        }
        int value = Integer.parseInt(m.group(1));
        boolean percent = !m.group(2).isEmpty();
        if ((value == 0 && !allowZero) || (percent && value > 100)) {
            problems.add(node, field, "bad size '" + s.value() + "': " + (percent ? "a percent must be 1..100" : "must be at least 1"));
            return Optional.empty();
        }
        return Optional.of(new Quantity(percent ? Quantity.Kind.PERCENT : Quantity.Kind.COUNT, value));
    }
}
