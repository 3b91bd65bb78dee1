package io.inception.engine.pipeline;

import io.inception.engine.config.MapFields;
import io.inception.engine.config.ParamSpec;
import io.inception.engine.config.Problems;
import io.inception.engine.config.Suggestions;
import io.inception.engine.config.TypedValues;
import io.inception.engine.config.YamlNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Type-checks the {@code with:} values a stage gives a template and substitutes them into the
 * template's body. A substituted value keeps the position where the pipeline wrote it, so a later
 * error about it points at the pipeline file, not at the template.
 */
final class TemplateExpander {
    private TemplateExpander() {
    }

    /**
     * @param uses     how the stage named the template (for messages), e.g. {@code common/unit-test@v1}
     * @param with     the stage's {@code with:} block, if any
     * @param at       the node errors about missing parameters point at
     * @param withPath the field path of the {@code with:} block
     */
    static Optional<YamlNode.Mapping> expand(Template template, String uses, Optional<MapFields> with, YamlNode at,
                                             String withPath, Problems problems) {
        int before = problems.size();
        List<String> declared = template.params().stream().map(ParamSpec::name).toList();
        Map<String, YamlNode> values = new HashMap<>(template.defaults());
        if (with.isPresent()) {
            for (YamlNode.Entry e : with.get().node().entries()) {
                String key = e.key().value();
                Optional<ParamSpec> spec = template.param(key);
                if (spec.isEmpty()) {
                    problems.add(e.key(), Problems.field(withPath, key), "unknown parameter '" + key + "' for template "
                            + uses + Suggestions.didYouMean(key, declared)
                            + (declared.isEmpty() ? "; it takes none" : "; parameters: " + String.join(", ", declared)));
                    continue;
                }
                if (e.value() instanceof YamlNode.Scalar s && s.isNull()) continue;
                TypedValues.convert(e.value(), spec.get(), Problems.field(withPath, key), problems);
                values.put(key, e.value());
            }
        }
        for (ParamSpec spec : template.params()) {
            if (spec.required() && !values.containsKey(spec.name())) {
                problems.add(with.<YamlNode>map(MapFields::node).orElse(at), Problems.field(withPath, spec.name()),
                        "missing required parameter '" + spec.name() + "' (" + spec.type().word() + ") of template " + uses);
            }
        }
        if (problems.size() > before) return Optional.empty();
        return Optional.of((YamlNode.Mapping) substitute(template.body(), values));
    }

    private static YamlNode substitute(YamlNode node, Map<String, YamlNode> values) {
        if (node instanceof YamlNode.Mapping m) {
            List<YamlNode.Entry> entries = new ArrayList<>();
            for (YamlNode.Entry e : m.entries()) {
                YamlNode v = substitute(e.value(), values);
                if (v != null) entries.add(new YamlNode.Entry(e.key(), v));
            }
            return new YamlNode.Mapping(entries, m.position());
        }
        if (node instanceof YamlNode.Sequence seq) {
            List<YamlNode> items = new ArrayList<>();
            for (YamlNode item : seq.items()) {
                YamlNode v = substitute(item, values);
                if (v != null) items.add(v);
            }
            return new YamlNode.Sequence(items, seq.position());
        }
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        if (s.kind() != YamlNode.ScalarKind.STRING) return s;
        List<Placeholders.Use> uses = Placeholders.find(s.value());
        if (uses.isEmpty()) return s;
        if (Placeholders.whole(s.value(), uses)) {
            return values.get(uses.get(0).param()); // null: an optional parameter not given drops the field
        }
        StringBuilder text = new StringBuilder();
        int from = 0;
        for (Placeholders.Use use : uses) {
            text.append(s.value(), from, use.start()).append(render(values.get(use.param())));
            from = use.end();
        }
        text.append(s.value().substring(from));
        return new YamlNode.Scalar(text.toString(), YamlNode.ScalarKind.STRING, s.position());
    }

    private static String render(YamlNode value) {
        if (value == null) return "";
        if (value instanceof YamlNode.Scalar s) return s.value();
        if (value instanceof YamlNode.Sequence seq) {
            return String.join(" ", seq.items().stream().map(TemplateExpander::render).toList());
        }
        return "";
    }
}
