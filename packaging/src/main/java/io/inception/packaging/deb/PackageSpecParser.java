package io.inception.packaging.deb;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads package specs (YAML) and reports every problem with file, line, column and field.
 *
 * <pre>
 * name: nova-compute
 * architecture: all
 * maintainer: Nova Packagers &lt;nova@example.org&gt;
 * depends: [python3, "nova-common (= ${version})"]
 * description: |
 *   OpenStack Compute - compute node
 *   The service that runs virtual machines on a hypervisor.
 * files:
 *   - tree: nova/compute            # from the candidate's tree
 *     to: /usr/lib/python3/dist-packages/nova/compute
 *   - spec: nova-compute/nova-compute.service   # from the spec's folder
 *     to: /lib/systemd/system/nova-compute.service
 * conffiles:
 *   - spec: nova-compute/nova-compute.conf
 *     to: /etc/nova/nova-compute.conf
 * scripts:
 *   postinst: nova-compute/postinst
 * </pre>
 */
public final class PackageSpecParser {
    static final Set<String> TOP = orderedSet("name", "architecture", "section", "priority", "maintainer",
            "homepage", "depends", "description", "copyright", "files", "conffiles", "scripts");
    static final Set<String> FILE = orderedSet("tree", "spec", "to", "mode", "exclude");
    static final Set<String> SCRIPTS = orderedSet("preinst", "postinst", "prerm", "postrm");
    private static final String DEFAULT_COPYRIGHT = """
            Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
            Upstream-Name: %s

            Files: *
            Copyright: 2010-2026 OpenStack Foundation and the upstream authors
            License: Apache-2.0
             On Debian systems the full text of the Apache License 2.0 is in
             /usr/share/common-licenses/Apache-2.0.
            """;

    private PackageSpecParser() {
    }

    /** Reads every {@code *.yaml} spec in a folder (sorted by file name), reporting all problems at once. */
    public static List<PackageSpec> parseDirectory(Path dir) throws IOException, SpecException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        List<PackageSpec> specs = new ArrayList<>();
        List<SpecProblem> problems = new ArrayList<>();
        Map<String, SpecLocation> names = new HashMap<>();
        for (Path f : files) {
            try {
                PackageSpec spec = parse(f);
                SpecLocation first = names.putIfAbsent(spec.name(), new SpecLocation(f, 1, 1, "name"));
                if (first != null) {
                    problems.add(new SpecProblem(new SpecLocation(f, 1, 1, "name"),
                            "package '" + spec.name() + "' is also defined in " + first.file()));
                }
                specs.add(spec);
            } catch (SpecException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new SpecException(problems);
        return specs;
    }

    /** Reads one spec file. */
    public static PackageSpec parse(Path file) throws IOException, SpecException {
        Node root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(r);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = m == null ? 1 : m.getLine() + 1;
            int col = m == null ? 1 : m.getColumn() + 1;
            throw new SpecException(List.of(new SpecProblem(new SpecLocation(file, line, col, "(yaml)"),
                    "not valid YAML: " + e.getProblem())));
        }
        if (root == null) {
            throw new SpecException(List.of(new SpecProblem(new SpecLocation(file, 1, 1, "(document)"),
                    "the file is empty; a spec needs at least name, maintainer and description")));
        }
        YamlFields y = new YamlFields(file);
        PackageSpec spec = read(y, root, file);
        if (!y.problems().isEmpty()) throw new SpecException(y.problems());
        return spec;
    }

    private static PackageSpec read(YamlFields y, Node root, Path file) {
        var top = y.mapping(root, "", "", TOP).orElse(Map.of());
        String name = y.string(top, "name", "", true, root);
        check(y, top, "name", name, SpecRules.checkName(name == null ? "" : name), root, name != null);
        String arch = orDefault(y.string(top, "architecture", "", false, root), "all");
        check(y, top, "architecture", arch, SpecRules.checkArchitecture(arch), root, true);
        String section = orDefault(y.string(top, "section", "", false, root), "misc");
        String priority = orDefault(y.string(top, "priority", "", false, root), "optional");
        check(y, top, "priority", priority, SpecRules.checkPriority(priority), root, true);
        String maintainer = y.string(top, "maintainer", "", true, root);
        if (maintainer != null && !maintainer.matches("[^<>]+<[^<>@\\s]+@[^<>\\s]+>")) {
            y.problem(y.valueOr(top, "maintainer", root), "maintainer", "must look like 'Name <email@example.org>'");
        }
        String homepage = y.string(top, "homepage", "", false, root);
        List<String> depends = y.strings(top, "depends", "");
        readDependsProblems(y, top, depends);

        String description = y.string(top, "description", "", true, root);
        String summary = "";
        String longDescription = "";
        if (description != null) {
            String[] lines = description.strip().split("\n", 2);
            summary = lines[0].strip();
            longDescription = lines.length > 1 ? lines[1].strip() : "";
            String p = SpecRules.checkSummary(summary, name == null ? "" : name);
            if (p != null) y.problem(y.valueOr(top, "description", root), "description", p);
        }
        String copyright = orDefault(y.string(top, "copyright", "", false, root),
                DEFAULT_COPYRIGHT.formatted(name == null ? "" : name));

        Path specDir = file.toAbsolutePath().getParent();
        List<FileMapping> files = readFiles(y, top, "files", specDir, false);
        List<FileMapping> conffiles = readFiles(y, top, "conffiles", specDir, true);
        checkDuplicateTargets(y, files, conffiles);

        Map<MaintainerScript, String> scripts = new EnumMap<>(MaintainerScript.class);
        Map<MaintainerScript, SpecLocation> scriptsAt = new EnumMap<>(MaintainerScript.class);
        NodeTuple st = top.get("scripts");
        if (st != null) {
            var sm = y.mapping(st.getValueNode(), "scripts", "scripts.", SCRIPTS).orElse(Map.of());
            for (String key : sm.keySet()) {
                String path = y.string(sm, key, "scripts.", true, st.getValueNode());
                if (path == null) continue;
                MaintainerScript kind = MaintainerScript.valueOf(key.toUpperCase(Locale.ROOT));
                SpecLocation at = y.at(sm.get(key).getValueNode(), "scripts." + key);
                checkSpecFile(y, at, specDir, path, true);
                scripts.put(kind, path);
                scriptsAt.put(kind, at);
            }
        }
        return new PackageSpec(file, name, arch, section, priority, maintainer, homepage, depends, summary,
                longDescription, copyright, files, conffiles, scripts, scriptsAt);
    }

    private static void readDependsProblems(YamlFields y, Map<String, NodeTuple> top, List<String> depends) {
        NodeTuple t = top.get("depends");
        if (t == null || !(t.getValueNode() instanceof SequenceNode seq)) return;
        for (int i = 0; i < depends.size() && i < seq.getValue().size(); i++) {
            String p = SpecRules.checkRelation(depends.get(i));
            if (p != null) y.problem(seq.getValue().get(i), "depends[" + i + "]", p);
        }
    }

    private static List<FileMapping> readFiles(YamlFields y, Map<String, NodeTuple> top, String field, Path specDir,
                                               boolean conffiles) {
        NodeTuple t = top.get(field);
        if (t == null) return List.of();
        if (!(t.getValueNode() instanceof SequenceNode seq)) {
            y.problem(t.getValueNode(), field, "must be a list of {tree|spec, to} entries");
            return List.of();
        }
        List<FileMapping> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            String prefix = field + "[" + i + "].";
            var m = y.mapping(item, field + "[" + i + "]", prefix, FILE);
            if (m.isEmpty()) continue;
            var f = m.get();
            String tree = y.string(f, "tree", prefix, false, item);
            String spec = y.string(f, "spec", prefix, false, item);
            String to = y.string(f, "to", prefix, true, item);
            if ((tree == null) == (spec == null)) {
                y.problem(item, prefix + "tree", "give exactly one of 'tree' (from the candidate) or 'spec' (from the spec's folder)");
                continue;
            }
            FileMapping.Origin origin = tree != null ? FileMapping.Origin.TREE : FileMapping.Origin.SPEC;
            String source = tree != null ? tree : spec;
            String sourceField = prefix + (tree != null ? "tree" : "spec");
            SpecLocation at = y.at(y.valueOr(f, tree != null ? "tree" : "spec", item), sourceField);
            String sp = SpecRules.checkSource(source);
            if (sp != null) y.problem(at, sp);
            if (to != null) {
                String tp = SpecRules.checkTarget(to);
                if (tp != null) y.problem(y.valueOr(f, "to", item), prefix + "to", tp);
                else if (conffiles && !to.startsWith("/etc/")) {
                    y.problem(y.valueOr(f, "to", item), prefix + "to", "a conffile must be under /etc/");
                }
            }
            Integer mode = readMode(y, f, prefix, item);
            List<String> excludes = y.strings(f, "exclude", prefix);
            if (origin == FileMapping.Origin.SPEC && sp == null) {
                checkSpecFile(y, at, specDir, source, conffiles);
            }
            if (to != null) out.add(new FileMapping(origin, source, to, mode, excludes, at));
        }
        return out;
    }

    private static Integer readMode(YamlFields y, Map<String, NodeTuple> f, String prefix, Node item) {
        NodeTuple t = f.get("mode");
        if (t == null) return null;
        if (t.getValueNode() instanceof ScalarNode s && s.getValue().matches("0?[0-7]{3,4}")) {
            return Integer.parseInt(s.getValue(), 8);
        }
        y.problem(t.getValueNode(), prefix + "mode", "must be an octal mode such as \"0644\" or \"0755\"");
        return null;
    }

    private static void checkSpecFile(YamlFields y, SpecLocation at, Path specDir, String path, boolean mustBeFile) {
        if (SpecRules.checkSource(path) != null) {
            y.problem(at, SpecRules.checkSource(path));
            return;
        }
        Path p = specDir.resolve(path);
        if (!Files.exists(p)) {
            y.problem(at, "'" + path + "' does not exist in " + specDir);
        } else if (mustBeFile && !Files.isRegularFile(p)) {
            y.problem(at, "'" + path + "' must be a file");
        }
    }

    private static void checkDuplicateTargets(YamlFields y, List<FileMapping> files, List<FileMapping> conffiles) {
        Map<String, SpecLocation> seen = new HashMap<>();
        for (FileMapping m : concat(files, conffiles)) {
            SpecLocation first = seen.putIfAbsent(m.target(), m.at());
            if (first != null) {
                y.problem(m.at(), "target '" + m.target() + "' is already mapped by " + first.field()
                        + " (line " + first.line() + ")");
            }
        }
    }

    private static void check(YamlFields y, Map<String, NodeTuple> top, String field, String value, String problem,
                              Node root, boolean present) {
        if (present && value != null && problem != null) y.problem(y.valueOr(top, field, root), field, problem);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static List<FileMapping> concat(List<FileMapping> a, List<FileMapping> b) {
        List<FileMapping> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<String> orderedSet(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }
}
