package io.inception.engine.pipeline;

import io.inception.engine.config.GitUrls;
import io.inception.engine.config.MapFields;
import io.inception.engine.config.Parsed;
import io.inception.engine.config.Problems;
import io.inception.engine.config.Suggestions;
import io.inception.engine.config.YamlNode;
import io.inception.engine.config.YamlReader;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.StageDef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a pipeline file: its name, its libraries and its stages, expanding {@code uses:} stages
 * from library templates. Reports every error and returns a {@link PipelineDef} only when clean.
 */
final class PipelineReader {
    static final Pattern USES = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_.-]*)/([A-Za-z0-9][A-Za-z0-9_-]*)@([^\\s@]+)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final StageTypes types;
    private final TemplateLookup lookup;
    private final StageReader stages;
    private final Map<String, Parsed<Template>> templates = new HashMap<>();
    private final Set<String> reportedTemplates = new HashSet<>();

    PipelineReader(StageTypes types, TemplateLookup lookup) {
        this.types = types;
        this.lookup = lookup;
        this.stages = new StageReader(types);
    }

    /**
     * @param label   file label in messages
     * @param path    the file's path in its repository (recorded in the PipelineDef)
     * @param repo    repository URL or path, or null
     * @param commit  commit SHA, or null for a working tree
     * @param baseDir the file's directory on disk, for relative library URLs, or null
     */
    Parsed<PipelineDef> read(String text, String label, String path, String repo, String commit, Path baseDir) {
        Parsed<YamlNode> yaml = YamlReader.read(text, label);
        if (yaml.value() == null) return new Parsed<>(null, yaml.errors());
        Problems problems = new Problems();
        problems.addAll(yaml.errors());
        PipelineDef def = MapFields.of(yaml.value(), "", problems)
                .map(f -> read(f, label, path, repo, commit, baseDir)).orElse(null);
        return new Parsed<>(problems.isEmpty() ? def : null, problems.sorted());
    }

    private PipelineDef read(MapFields f, String label, String path, String repo, String commit, Path baseDir) {
        Problems problems = f.problems();
        f.allow("name", "description", "libraries", "stages");
        Optional<String> name = f.string("name", true);
        name.ifPresent(n -> {
            String base = baseName(path);
            if (!NAME.matcher(n).matches()) {
                problems.add(f.get("name").orElseThrow(), "name", "bad pipeline name '" + n + "'");
            } else if (base != null && !base.equals(n)) {
                problems.add(f.get("name").orElseThrow(), "name", "name '" + n + "' does not match the file name '" + base + ".yaml'");
            }
        });
        f.string("description", false);
        Map<String, Library> libraries = libraries(f, baseDir);
        List<StageDef> defs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        f.sequence("stages", true).ifPresent(seq -> {
            if (seq.items().isEmpty()) problems.add(seq, "stages", "a pipeline needs at least one stage");
            for (int i = 0; i < seq.items().size(); i++) {
                String stagePath = Problems.index("stages", i);
                MapFields.of(seq.items().get(i), stagePath, problems)
                        .flatMap(s -> stage(s, label, libraries, seen))
                        .ifPresent(defs::add);
            }
        });
        return name.map(n -> new PipelineDef(n, defs, repo, commit, path)).orElse(null);
    }

    private Optional<StageDef> stage(MapFields s, String label, Map<String, Library> libraries, Map<String, Integer> seen) {
        Problems problems = s.problems();
        s.allow("name", "description", "type", "uses", "with", "timeout", "retry", "zone");
        s.string("description", false);
        Optional<String> name = s.string("name", true).filter(n -> {
            YamlNode at = s.get("name").orElseThrow();
            if (!NAME.matcher(n).matches()) {
                problems.add(at, s.field("name"), "bad stage name '" + n + "': use letters, digits, '.', '_' and '-'");
                return false;
            }
            Integer first = seen.putIfAbsent(n, at.position().line());
            if (first != null) {
                problems.add(at, s.field("name"), "duplicate stage name '" + n + "' (first at line " + first + ")");
                return false;
            }
            return true;
        });
        boolean hasType = s.key("type").isPresent();
        boolean hasUses = s.key("uses").isPresent();
        if (hasType && hasUses) {
            problems.add(s.key("uses").orElseThrow(), s.field("uses"), "a stage has either 'type' or 'uses', not both");
            return Optional.empty();
        }
        if (!hasUses) {
            Optional<StageDef> def = stages.read(name.orElse("?"), s, label + ":" + s.node().position().line(), Optional.empty());
            return name.isPresent() ? def : Optional.empty();
        }
        Optional<StageDef> def = s.string("uses", true).flatMap(u -> uses(u, s, libraries, name.orElse("?")));
        return name.isPresent() ? def : Optional.empty();
    }

    private Optional<StageDef> uses(String uses, MapFields s, Map<String, Library> libraries, String name) {
        Problems problems = s.problems();
        YamlNode at = s.get("uses").orElseThrow();
        Matcher m = USES.matcher(uses);
        if (!m.matches()) {
            problems.add(at, s.field("uses"), "bad 'uses' value '" + uses
                    + "': expected <library>/<template>@<ref>, e.g. common/unit-test@v1");
            return Optional.empty();
        }
        Library library = libraries.get(m.group(1));
        if (library == null) {
            problems.add(at, s.field("uses"), "unknown library '" + m.group(1) + "'"
                    + Suggestions.didYouMean(m.group(1), libraries.keySet())
                    + (libraries.isEmpty() ? "; declare it under 'libraries:'" : "; declared: " + String.join(", ", libraries.keySet())));
            return Optional.empty();
        }
        if (library.url() == null) return Optional.empty();
        String templateName = m.group(2);
        String ref = m.group(3);
        Parsed<Template> template = template(library, templateName, ref, at, s.field("uses"), problems);
        if (template == null) return Optional.empty();
        if (!template.ok()) {
            if (reportedTemplates.add(library.name() + "/" + templateName + "@" + ref)) problems.addAll(template.errors());
            return Optional.empty();
        }
        Template t = template.value();
        String display = library.name() + "/" + templateName + "@" + ref;
        return TemplateExpander.expand(t, display, s.mapping("with", false), s.node(), s.field("with"), problems)
                .flatMap(body -> stages.read(name, fields(body, s), library.name() + "/" + templateName + "@" + t.commit(),
                        Optional.of(s)));
    }

    private static MapFields fields(YamlNode.Mapping body, MapFields stage) {
        return MapFields.of(body, stage.path(), stage.problems()).orElseThrow();
    }

    private Parsed<Template> template(Library library, String name, String ref, YamlNode at, String field, Problems problems) {
        String key = library.name() + "|" + library.url() + "|" + name + "|" + ref;
        Parsed<Template> cached = templates.get(key);
        if (cached != null) return cached;
        TemplateLookup.Result found = lookup.find(library, name, ref);
        if (found instanceof TemplateLookup.Missing missing) {
            problems.add(at, field, missing.message());
            return null;
        }
        TemplateLookup.Found f = (TemplateLookup.Found) found;
        Parsed<Template> parsed = TemplateReader.read(f.text(), f.label(), name, f.commit(), types);
        templates.put(key, parsed);
        return parsed;
    }

    private static Map<String, Library> libraries(MapFields f, Path baseDir) {
        Map<String, Library> out = new LinkedHashMap<>();
        f.mapping("libraries", false).ifPresent(libs -> {
            for (YamlNode.Entry e : libs.node().entries()) {
                String name = e.key().value();
                String field = libs.field(name);
                if (!NAME.matcher(name).matches()) {
                    f.problems().add(e.key(), field, "bad library name '" + name + "'");
                    continue;
                }
                MapFields.of(e.value(), field, f.problems()).ifPresent(lib -> {
                    lib.allow("url", "description");
                    lib.string("description", false);
                    Optional<String> url = lib.string("url", true)
                            .flatMap(u -> GitUrls.checkUrl(u, lib.get("url").orElseThrow(), lib.field("url"), f.problems()));
                    // a library with a bad URL is still declared: its uses are not reported a second time
                    out.put(name, new Library(name, url.orElse(null), baseDir));
                });
            }
        });
        return out;
    }

    static String baseName(String path) {
        if (path == null) return null;
        String file = path.substring(path.lastIndexOf('/') + 1);
        if (file.endsWith(".yaml")) return file.substring(0, file.length() - 5);
        if (file.endsWith(".yml")) return file.substring(0, file.length() - 4);
        return null;
    }
}
