package io.inception.app.deploy;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.pipeline.PipelineRepository;
import io.inception.engine.stage.StageContext;

import java.nio.file.Path;

/**
 * Environment files as a run sees them: read from the run's pipeline repository at the commit the run
 * read its pipeline at, so that a run deploys with the configuration it started with (and staging
 * later with the very same files). Outside a run, from a configuration repository's working tree.
 */
public final class RunEnvironments {
    private final Path defaultRepository;

    /** @param defaultRepository where {@link #named} reads (this project's working tree by default) */
    public RunEnvironments(Path defaultRepository) {
        this.defaultRepository = defaultRepository;
    }

    /** The environment file of the run's environment at the run's pipeline commit. */
    public EnvironmentFile of(StageContext context) {
        PipelineDef pipeline = context.pipeline();
        String name = context.environment().name();
        if (pipeline == null || pipeline.repo() == null || pipeline.commit() == null) return named(name);
        try (PipelineRepository repo = PipelineRepository.open(pipeline.repo())) {
            return repo.at(pipeline.commit()).environment(name);
        }
    }

    /** The environment file {@code name} in the default repository's working tree. */
    public EnvironmentFile named(String name) {
        try (PipelineRepository repo = PipelineRepository.directory(defaultRepository)) {
            return repo.workingTree().environment(name);
        }
    }
}
