package io.inception.engine.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code branches.yaml} into a {@link BranchList}, reporting every error. */
final class BranchListReader {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    private BranchListReader() {
    }

    static Parsed<BranchList> read(String text, String label) {
        Parsed<YamlNode> yaml = YamlReader.read(text, label);
        if (yaml.value() == null) return new Parsed<>(null, yaml.errors());
        Problems problems = new Problems();
        problems.addAll(yaml.errors());
        BranchList list = MapFields.of(yaml.value(), "", problems)
                .map(f -> read(f.allow("trunk", "branches", "test"), label)).orElse(null);
        return new Parsed<>(problems.isEmpty() ? list : null, problems.sorted());
    }

    private static BranchList read(MapFields f, String label) {
        Problems problems = f.problems();
        BranchSpec trunk = f.require("trunk").flatMap(n -> spec(n, "trunk", "trunk", problems)).orElse(null);
        List<BranchSpec> branches = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        f.sequence("branches", false).ifPresent(seq -> {
            for (int i = 0; i < seq.items().size(); i++) {
                YamlNode item = seq.items().get(i);
                String field = Problems.index("branches", i);
                spec(item, null, field, problems).ifPresent(b -> {
                    Integer first = seen.putIfAbsent(b.name(), item.position().line());
                    if (first != null) {
                        problems.add(nameNode(item), nameField(item, field), "duplicate branch name '" + b.name()
                                + "' (first at line " + first + ")");
                    } else if (b.name().equals("trunk")) {
                        problems.add(nameNode(item), nameField(item, field), "'trunk' is reserved for the trunk branch");
                    } else {
                        branches.add(b);
                    }
                });
            }
        });
        TestCommand test = f.mapping("test", false).map(BranchListReader::test).orElse(null);
        return trunk == null ? null : new BranchList(trunk, branches, test, label);
    }

    private static YamlNode nameNode(YamlNode item) {
        if (item instanceof YamlNode.Mapping m) {
            return m.entry("name").map(YamlNode.Entry::value).orElse(item);
        }
        return item;
    }

    private static String nameField(YamlNode item, String field) {
        return item instanceof YamlNode.Mapping m && m.entry("name").isPresent() ? field + ".name" : field;
    }

    /** A branch written as "URL#branch" or as {name, url, branch}. */
    private static Optional<BranchSpec> spec(YamlNode node, String fixedName, String field, Problems problems) {
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.STRING) {
            return GitUrls.checkRef(s.value(), s, field, problems)
                    .map(p -> new BranchSpec(fixedName != null ? fixedName : p[1], p[0], p[1]));
        }
        if (!(node instanceof YamlNode.Mapping)) {
            problems.add(node, field, "expected URL#branch or a map with name, url and branch, got " + node.describe());
            return Optional.empty();
        }
        MapFields f = MapFields.of(node, field, problems).orElseThrow();
        if (fixedName != null) f.allow("url", "branch");
        else f.allow("name", "url", "branch");
        Optional<String> name = fixedName != null ? Optional.of(fixedName) : f.string("name", true);
        name.filter(n -> !NAME.matcher(n).matches()).ifPresent(n -> problems.add(f.get("name").orElseThrow(),
                f.field("name"), "bad branch name '" + n + "': use letters, digits, '.', '_', '/' and '-'"));
        Optional<String> url = f.string("url", true).flatMap(u -> {
            if (u.contains("#")) {
                problems.add(f.get("url").orElseThrow(), f.field("url"),
                        "put the branch in 'branch', not after '#' in 'url'");
                return Optional.empty();
            }
            return GitUrls.checkUrl(u, f.get("url").orElseThrow(), f.field("url"), problems);
        });
        Optional<String> branch = f.string("branch", true).filter(b -> {
            if (GitUrls.validBranch(b)) return true;
            problems.add(f.get("branch").orElseThrow(), f.field("branch"), "bad branch name '" + b + "'");
            return false;
        });
        if (name.isEmpty() || url.isEmpty() || branch.isEmpty()) return Optional.empty();
        return Optional.of(new BranchSpec(name.get(), url.get(), branch.get()));
    }

    private static TestCommand test(MapFields f) {
        f.allow("command", "junit", "timeout");
        Optional<String> command = f.string("command", true);
        command.filter(String::isBlank).ifPresent(c ->
                f.problems().add(f.get("command").orElseThrow(), f.field("command"), "the test command is empty"));
        String junit = f.string("junit", false).orElse(null);
        var timeout = f.duration("timeout", false).orElse(null);
        return command.map(c -> new TestCommand(c, junit, timeout)).orElse(null);
    }
}
