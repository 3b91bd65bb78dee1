package io.inception.engine.pipeline;

import io.inception.engine.config.BranchList;
import io.inception.engine.model.PipelineDef;

import java.nio.file.Path;

/**
 * Reads the files a running pipeline refers to (e.g. its {@code branches.yaml}) from the same
 * repository and the same commit its own text was read from, so a run sees one consistent
 * configuration even when the repository moves on while it runs.
 */
public final class PipelineFiles {
    private PipelineFiles() {
    }

    /**
     * The branch list at {@code path} (relative to the repository root, e.g.
     * {@code environments/branches.yaml}) at the pipeline's commit, or in its working tree when the
     * pipeline was read from a plain folder.
     */
    public static BranchList branches(PipelineDef pipeline, String path) {
        if (pipeline.repo() == null) {
            throw new PipelineSourceException("pipeline '" + pipeline.name() + "' has no source repository to read "
                    + path + " from");
        }
        if (pipeline.commit() == null) {
            try (PipelineRepository repo = PipelineRepository.directory(Path.of(pipeline.repo()))) {
                return repo.workingTree().branches(path);
            }
        }
        try (PipelineRepository repo = PipelineRepository.open(pipeline.repo())) {
            return repo.at(pipeline.commit()).branches(path);
        }
    }
}
