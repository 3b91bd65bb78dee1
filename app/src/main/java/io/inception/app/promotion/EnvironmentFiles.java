package io.inception.app.promotion;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.pipeline.PipelineRepository;
import io.inception.engine.pipeline.PipelineSnapshot;

import java.util.Optional;

/** Reads environment files by name, e.g. from the config repository at a ref (as the other commands do). */
@FunctionalInterface
public interface EnvironmentFiles {
    /** The file of environment {@code name}, or empty when there is none; a malformed file throws with its errors. */
    Optional<EnvironmentFile> find(String name);

    /** {@code environments/environments/<name>.yaml} of {@code repository} (path or URL) at {@code ref}. */
    static EnvironmentFiles at(String repository, String ref) {
        return name -> {
            try (PipelineRepository repo = PipelineRepository.open(repository)) {
                PipelineSnapshot snapshot = repo.at(ref);
                return snapshot.environmentNames().contains(name) ? Optional.of(snapshot.environment(name)) : Optional.empty();
            }
        };
    }
}
