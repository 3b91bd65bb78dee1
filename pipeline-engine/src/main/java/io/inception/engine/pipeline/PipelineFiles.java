package io.inception.engine.pipeline;

import io.inception.engine.config.BranchList;
import io.inception.engine.model.PipelineDef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * Writes the text files under folder {@code dir} (relative to the repository root, e.g.
     * {@code environments/packages}) as they are at the pipeline's commit into {@code target};
     * returns how many files were written. A folder that does not exist at that commit is an error.
     */
    public static int export(PipelineDef pipeline, String dir, Path target) throws IOException {
        if (pipeline.repo() == null) {
            throw new PipelineSourceException("pipeline '" + pipeline.name() + "' has no source repository to read "
                    + dir + " from");
        }
        try (PipelineRepository repo = pipeline.commit() == null
                ? PipelineRepository.directory(Path.of(pipeline.repo())) : PipelineRepository.open(pipeline.repo())) {
            PipelineSnapshot snapshot = pipeline.commit() == null ? repo.workingTree() : repo.at(pipeline.commit());
            String prefix = dir.endsWith("/") ? dir : dir + "/";
            List<String> files = snapshot.tree().files().stream().filter(f -> f.startsWith(prefix)).toList();
            if (files.isEmpty()) {
                throw new PipelineSourceException("no folder " + dir + " in " + snapshot.tree().location()
                        + (pipeline.commit() == null ? "" : " at " + pipeline.commit()));
            }
            for (String f : files) {
                Path out = target.resolve(f.substring(prefix.length())).normalize();
                if (!out.startsWith(target)) throw new PipelineSourceException("path escapes the folder: " + f);
                Files.createDirectories(out.getParent());
                Files.writeString(out, snapshot.tree().read(f).orElseThrow());
            }
            return files.size();
        }
    }
}
