package io.inception.engine.pipeline;

import io.inception.engine.config.BranchList;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.config.Parsed;
import io.inception.engine.model.PipelineDef;

import java.util.List;

/**
 * The configuration of a repository at one commit (or of a working directory): pipelines,
 * environment files and the branch list, each read and validated on demand. Pipelines read from
 * a snapshot carry its commit, so a run records the pipeline text it ran.
 */
public final class PipelineSnapshot {
    private final ConfigTree tree;
    private final StageTypes types;
    private final TemplateLookup libraries;
    private final String configDir;

    PipelineSnapshot(ConfigTree tree, StageTypes types, TemplateLookup libraries) {
        this.tree = tree;
        this.types = types;
        this.libraries = libraries;
        List<String> files = tree.files();
        // the tree is the configuration folder itself when it has pipelines/ or branches.yaml at its root
        boolean rootIsConfig = files.stream().anyMatch(f -> f.startsWith("pipelines/") || f.matches("branches\\.ya?ml"));
        boolean nested = files.stream().anyMatch(f -> f.startsWith("environments/"));
        this.configDir = !rootIsConfig && nested ? "environments" : "";
    }

    ConfigTree tree() {
        return tree;
    }

    StageTypes types() {
        return types;
    }

    TemplateLookup libraries() {
        return libraries;
    }

    /** The commit SHA the ref resolved to, or null for a working directory. */
    public String commit() {
        return tree.commit();
    }

    /** Where configuration lives in the tree: {@code environments} when that folder exists, else the root. */
    public String configDir() {
        return configDir;
    }

    private String under(String path) {
        return configDir.isEmpty() ? path : configDir + "/" + path;
    }

    /** Names of the pipelines in {@code pipelines/}. */
    public List<String> pipelineNames() {
        return namesIn("pipelines/");
    }

    /** Names of the environments in {@code environments/}. */
    public List<String> environmentNames() {
        return namesIn("environments/");
    }

    private List<String> namesIn(String folder) {
        String prefix = under(folder);
        return tree.files().stream().filter(f -> f.startsWith(prefix))
                .map(f -> f.substring(prefix.length()))
                .filter(f -> !f.contains("/") && (f.endsWith(".yaml") || f.endsWith(".yml")))
                .map(f -> f.replaceAll("\\.ya?ml$", "")).sorted().toList();
    }

    /** Reads pipeline {@code name}, returning the errors instead of throwing. */
    public Parsed<PipelineDef> readPipeline(String name) {
        String path = existing("pipelines/" + name).orElseThrow(() -> new PipelineSourceException(
                "no pipeline '" + name + "' in " + where() + " (known: " + String.join(", ", pipelineNames()) + ")"));
        return new PipelineReader(types, libraries).read(tree.read(path).orElseThrow(), tree.label(path), path,
                tree.location(), tree.commit(), tree.localDir(path));
    }

    /** Reads pipeline {@code name}; throws {@link io.inception.engine.config.ConfigException} listing every error. */
    public PipelineDef pipeline(String name) {
        return readPipeline(name).orElseThrow();
    }

    /** The branch list at {@code path} (relative to the repository, e.g. {@code environments/branches.yaml}). */
    public BranchList branches(String path) {
        String text = tree.read(path).orElseThrow(() -> new PipelineSourceException("no file " + path + " in " + where()));
        return BranchList.parse(text, tree.label(path)).orElseThrow();
    }

    /** The branch list of the configuration folder ({@code environments/branches.yaml}). */
    public BranchList branches() {
        return branches(existing("branches").orElse(under("branches.yaml")));
    }

    /** The environment file {@code environments/<name>.yaml} of the configuration folder. */
    public EnvironmentFile environment(String name) {
        String path = existing("environments/" + name).orElseThrow(() -> new PipelineSourceException(
                "no environment '" + name + "' in " + where()));
        return EnvironmentFile.parse(tree.read(path).orElseThrow(), tree.label(path)).orElseThrow();
    }

    private java.util.Optional<String> existing(String stem) {
        for (String ext : List.of(".yaml", ".yml")) {
            String path = under(stem + ext);
            if (tree.read(path).isPresent()) return java.util.Optional.of(path);
        }
        return java.util.Optional.empty();
    }

    private String where() {
        return tree.location() + (tree.commit() == null ? "" : " at " + tree.commit().substring(0, 12));
    }
}
