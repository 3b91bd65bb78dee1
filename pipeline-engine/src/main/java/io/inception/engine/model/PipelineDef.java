package io.inception.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * A pipeline as loaded from git: its name, its ordered stages, and where its text came from.
 *
 * @param name     the pipeline name (unique in the repository)
 * @param stages   ordered stages
 * @param repo     the repository URL or path the YAML was read from
 * @param commit   the commit SHA of the pipeline text that was read (recorded with every run)
 * @param path     the file path inside the repository
 */
public record PipelineDef(String name, List<StageDef> stages, String repo, String commit, String path) {
    public PipelineDef {
        Objects.requireNonNull(name, "name");
        stages = List.copyOf(stages);
    }
}
