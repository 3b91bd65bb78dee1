package io.inception.engine.pipeline;

import io.inception.engine.scheduler.TriggerConfigLoader;
import io.inception.engine.config.BranchList;
import io.inception.engine.config.ConfigError;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.config.Parsed;
import io.inception.engine.config.Position;
import io.inception.engine.config.Problems;
import io.inception.engine.config.YamlNode;
import io.inception.engine.config.YamlReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks pipelines, environment files, branch lists and library templates and reports every error
 * with file, line, column and field. The kind of a file comes from where it lives
 * ({@code pipelines/}, {@code environments/}, {@code branches.yaml}, {@code templates/}); a file named
 * alone is recognised by its fields when its folder says nothing.
 */
public final class Validator {
    private final StageTypes types;
    private final TemplateLookup libraries;

    public Validator(StageTypes types, TemplateLookup libraries) {
        this.types = types;
        this.libraries = libraries;
    }

    /** Validates a file or every configuration file under a folder, as they are on disk. */
    public ValidationReport validatePath(Path path) {
        if (Files.isDirectory(path)) {
            ConfigTree tree = new ConfigTree.Directory(path, path.toString());
            return validate(tree, "", false);
        }
        if (!Files.isRegularFile(path)) throw new PipelineSourceException("no such file or directory: " + path);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        Path abs = path.toAbsolutePath().normalize();
        String kindPath = abs.getParent() == null || abs.getParent().getFileName() == null
                ? abs.getFileName().toString()
                : abs.getParent().getFileName() + "/" + abs.getFileName();
        Problems problems = new Problems();
        boolean checked = check(text, path.toString(), kindPath, abs.toString(), abs.getParent(), null, null, true, problems);
        return new ValidationReport(checked ? List.of(path.toString()) : List.of(), distinct(problems), null);
    }

    /** Validates every configuration file of a snapshot (its {@code environments/} folder, or all of it). */
    public ValidationReport validate(PipelineSnapshot snapshot) {
        return validate(snapshot.tree(), snapshot.configDir(), false);
    }

    ValidationReport validate(ConfigTree tree, String configDir, boolean explicit) {
        String prefix = configDir.isEmpty() ? "" : configDir + "/";
        Problems problems = new Problems();
        List<String> checked = new ArrayList<>();
        for (String path : tree.files()) {
            if (!path.startsWith(prefix)) continue;
            String relative = path.substring(prefix.length());
            String text = tree.read(path).orElse("");
            if (check(text, tree.label(path), relative, path, tree.localDir(path), tree.location(), tree.commit(),
                    explicit, problems)) {
                checked.add(tree.label(path));
            }
        }
        return new ValidationReport(checked, distinct(problems), tree.commit());
    }

    private static final List<ConfigFileChecker> CHECKERS = java.util.ServiceLoader.load(ConfigFileChecker.class)
            .stream().map(java.util.ServiceLoader.Provider::get).toList();

    /** The module's checker owning {@code path} ({@code <folder>/<name>.yaml}), or null. */
    private static ConfigFileChecker checkerFor(String path) {
        String[] parts = path.split("/");
        if (parts.length < 2 || !(path.endsWith(".yaml") || path.endsWith(".yml"))) return null;
        String folder = parts[parts.length - 2];
        return CHECKERS.stream().filter(c -> c.folder().equals(folder)).findFirst().orElse(null);
    }

    /** Checks one file; returns false when it is not a configuration file (and was skipped). */
    private boolean check(String text, String label, String kindPath, String repoPath, Path localDir, String location,
                          String commit, boolean explicit, Problems problems) {
        ConfigFileChecker owner = checkerFor(kindPath);
        if (owner != null) {
            problems.addAll(owner.check(text, label));
            return true;
        }
        ConfigKind kind = ConfigKind.byPath(kindPath);
        if (kind == null) {
            if (!explicit) return false;
            Parsed<YamlNode> yaml = YamlReader.read(text, label);
            if (yaml.value() == null) {
                problems.addAll(yaml.errors());
                return true;
            }
            kind = ConfigKind.byContent(yaml.value());
            if (kind == null) {
                problems.add(Position.startOf(label), ConfigError.DOCUMENT, "cannot tell what this file is: "
                        + "put pipelines in pipelines/, environments in environments/, templates in templates/, "
                        + "or name the branch list branches.yaml");
                return true;
            }
        }
        List<ConfigError> errors = switch (kind) {
            case PIPELINE -> new PipelineReader(types, libraries).read(text, label, repoPath, location, commit, localDir).errors();
            case ENVIRONMENT -> EnvironmentFile.parse(text, label).errors();
            case BRANCHES -> BranchList.parse(text, label).errors();
            case TEMPLATE -> TemplateReader.read(text, label, PipelineReader.baseName(kindPath), commit, types).errors();
            case TRIGGERS -> TriggerConfigLoader.parse(label, text).errors();
        };
        problems.addAll(errors);
        return true;
    }

    private static List<ConfigError> distinct(Problems problems) {
        Set<ConfigError> unique = new LinkedHashSet<>(problems.sorted());
        return List.copyOf(unique);
    }
}
