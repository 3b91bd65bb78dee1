package io.inception.engine.pipeline;

import io.inception.engine.config.MapFields;
import io.inception.engine.config.ParamSpec;
import io.inception.engine.config.ParamType;
import io.inception.engine.config.Parsed;
import io.inception.engine.config.Problems;
import io.inception.engine.config.Suggestions;
import io.inception.engine.config.TypedValues;
import io.inception.engine.config.YamlNode;
import io.inception.engine.config.YamlReader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a library template file and checks its declarations and its stage body. */
final class TemplateReader {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final List<String> TYPE_WORDS = Arrays.stream(ParamType.values()).map(ParamType::word).toList();

    private TemplateReader() {
    }

    static Parsed<Template> read(String text, String label, String fileName, String commit, StageTypes types) {
        Parsed<YamlNode> yaml = YamlReader.read(text, label);
        if (yaml.value() == null) return new Parsed<>(null, yaml.errors());
        Problems problems = new Problems();
        problems.addAll(yaml.errors());
        Template template = MapFields.of(yaml.value(), "", problems)
                .map(f -> read(f, label, fileName, commit, types)).orElse(null);
        return new Parsed<>(problems.isEmpty() ? template : null, problems.sorted());
    }

    private static Template read(MapFields f, String label, String fileName, String commit, StageTypes types) {
        Problems problems = f.problems();
        f.allow("template", "description", "params", "stage");
        String name = f.string("template", false).orElse(fileName);
        if (fileName != null && !name.equals(fileName)) {
            problems.add(f.get("template").orElseThrow(), "template",
                    "template '" + name + "' does not match the file name '" + fileName + ".yaml'");
        }
        String description = f.string("description", false).orElse("");
        List<ParamSpec> params = new ArrayList<>();
        Map<String, YamlNode> defaults = new HashMap<>();
        f.mapping("params", false).ifPresent(p -> {
            for (YamlNode.Entry e : p.node().entries()) {
                param(e, p.field(e.key().value()), problems).ifPresent(spec -> {
                    params.add(spec);
                    if (e.value() instanceof YamlNode.Mapping m) {
                        m.entry("default").ifPresent(d -> defaults.put(spec.name(), d.value()));
                    }
                });
            }
        });
        Optional<MapFields> body = f.mapping("stage", true);
        body.ifPresent(b -> {
            b.allow("type", "with", "timeout", "retry", "zone");
            Optional<StageType> stageType = b.string("type", true).flatMap(t -> {
                Optional<StageType> found = types.find(t);
                if (found.isEmpty()) {
                    problems.add(b.get("type").orElseThrow(), b.field("type"), StageReader.unknownType(t, types));
                }
                return found;
            });
            checkPlaceholders(b.node(), "stage", params.stream().map(ParamSpec::name).toList(), problems);
            stageType.ifPresent(t -> checkTypes(b, t, params, problems));
        });
        return body.map(b -> new Template(name, description, params, defaults, b.node(), label, commit)).orElse(null);
    }

    private static Optional<ParamSpec> param(YamlNode.Entry e, String field, Problems problems) {
        String name = e.key().value();
        if (!NAME.matcher(name).matches()) {
            problems.add(e.key(), field, "bad parameter name '" + name + "'");
            return Optional.empty();
        }
        Optional<MapFields> of = MapFields.of(e.value(), field, problems);
        if (of.isEmpty()) return Optional.empty();
        MapFields p = of.get().allow("type", "required", "default", "values", "description");
        Optional<ParamType> type = p.require("type").flatMap(n -> TypedValues.convert(n, ParamType.ENUM, TYPE_WORDS,
                p.field("type"), problems)).map(w -> ParamType.fromWord((String) w));
        boolean required = p.bool("required", false).orElse(false);
        List<String> values = p.value("values", ParamType.LIST, false).map(v -> {
            @SuppressWarnings("unchecked") List<String> l = (List<String>) v;
            return l;
        }).orElse(List.of());
        String description = p.string("description", false).orElse("");
        if (type.isEmpty()) return Optional.empty();
        if (type.get() == ParamType.ENUM && values.isEmpty()) {
            problems.add(e.value(), p.field("values"), "an enum parameter needs 'values'");
            return Optional.empty();
        }
        if (type.get() != ParamType.ENUM && p.get("values").isPresent()) {
            problems.add(p.get("values").get(), p.field("values"), "'values' is only for enum parameters");
        }
        Object def = null;
        Optional<YamlNode> defNode = p.get("default");
        if (defNode.isPresent()) {
            if (required) {
                problems.add(defNode.get(), p.field("default"), "a required parameter cannot have a default");
                return Optional.empty();
            }
            Optional<Object> converted = TypedValues.convert(defNode.get(), type.get(), values, p.field("default"), problems);
            if (converted.isEmpty()) return Optional.empty();
            def = converted.get();
        }
        return Optional.of(new ParamSpec(name, type.get(), required, def, values, description));
    }

    /**
     * A parameter placed whole into a typed field must have a compatible type, so that a value
     * accepted by the template is never rejected by the stage type later.
     */
    private static void checkTypes(MapFields body, StageType type, List<ParamSpec> params, Problems problems) {
        body.get("timeout").ifPresent(n -> wholeParam(n, params).ifPresent(p -> {
            if (p.type() != ParamType.DURATION) {
                problems.add(n, body.field("timeout"), "parameter '" + p.name() + "' is " + p.type().word()
                        + " but 'timeout' is a duration");
            }
        }));
        if (!(body.node().entry("with").map(YamlNode.Entry::value).orElse(null) instanceof YamlNode.Mapping with)) return;
        for (YamlNode.Entry e : with.entries()) {
            Optional<ParamSpec> target = type.param(e.key().value());
            Optional<ParamSpec> source = wholeParam(e.value(), params);
            if (target.isEmpty() || source.isEmpty() || compatible(source.get(), target.get())) continue;
            ParamSpec from = source.get();
            ParamSpec to = target.get();
            problems.add(e.value(), Problems.field(body.field("with"), e.key().value()), "parameter '" + from.name()
                    + "' is " + describe(from) + " but '" + to.name() + "' of stage type '" + type.name() + "' is "
                    + describe(to));
        }
    }

    private static boolean compatible(ParamSpec from, ParamSpec to) {
        if (from.type() == to.type()) {
            return from.type() != ParamType.ENUM || to.values().containsAll(from.values());
        }
        return from.type() == ParamType.ENUM && to.type() == ParamType.STRING
                || from.type() == ParamType.INT && to.type() == ParamType.NUMBER;
    }

    private static String describe(ParamSpec p) {
        return p.type() == ParamType.ENUM ? "enum (" + String.join(", ", p.values()) + ")" : p.type().word();
    }

    private static Optional<ParamSpec> wholeParam(YamlNode node, List<ParamSpec> params) {
        if (!(node instanceof YamlNode.Scalar s) || s.kind() != YamlNode.ScalarKind.STRING) return Optional.empty();
        List<Placeholders.Use> uses = Placeholders.find(s.value());
        if (!Placeholders.whole(s.value(), uses) || uses.get(0).param() == null) return Optional.empty();
        return params.stream().filter(p -> p.name().equals(uses.get(0).param())).findFirst();
    }

    private static void checkPlaceholders(YamlNode node, String field, List<String> declared, Problems problems) {
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.STRING) {
            for (Placeholders.Use use : Placeholders.find(s.value())) {
                if (use.param() == null) {
                    problems.add(s, field, "unknown expression '" + use.expression() + "': only ${{ params.NAME }} is supported");
                } else if (!declared.contains(use.param())) {
                    problems.add(s, field, "undeclared parameter '" + use.param() + "'"
                            + Suggestions.didYouMean(use.param(), declared));
                }
            }
        } else if (node instanceof YamlNode.Mapping m) {
            for (YamlNode.Entry e : m.entries()) checkPlaceholders(e.value(), Problems.field(field, e.key().value()), declared, problems);
        } else if (node instanceof YamlNode.Sequence seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                checkPlaceholders(seq.items().get(i), Problems.index(field, i), declared, problems);
            }
        }
    }
}
