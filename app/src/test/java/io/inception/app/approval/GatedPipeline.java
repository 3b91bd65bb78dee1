package io.inception.app.approval;

import io.inception.engine.model.PipelineDef;
import io.inception.engine.pipeline.PipelineRepository;

import java.nio.file.Files;
import java.nio.file.Path;

/** A configuration repository whose pipeline {@code gated} has one stage, the manual gate {@code go-ahead}. */
public final class GatedPipeline {
    private GatedPipeline() {
    }

    /** Writes it under {@code config} (with an environment {@code local}) and returns the pipeline. */
    public static PipelineDef write(Path config) throws Exception {
        Path env = config.resolve("environments");
        Files.createDirectories(env.resolve("pipelines"));
        Files.createDirectories(env.resolve("environments"));
        Files.writeString(env.resolve("pipelines/gated.yaml"), """
                name: gated
                stages:
                  - name: go-ahead
                    type: approval
                    with: {message: "deploy to staging?"}
                """);
        Files.writeString(env.resolve("environments/local.yaml"), """
                name: local
                cells:
                  - {name: c1, hosts: [h1]}
                """);
        try (PipelineRepository repo = PipelineRepository.directory(config)) {
            return repo.workingTree().pipeline("gated");
        }
    }
}
