package io.inception.smoke.stage;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.pipeline.PipelineRepository;
import io.inception.engine.pipeline.PipelineSnapshot;
import io.inception.engine.stage.StageContext;
import io.inception.smoke.config.SmokeSection;
import io.inception.smoke.config.SmokeSettings;
import io.inception.smoke.config.TagExpressions;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The smoke settings of a run: the {@code smoke:} section of the environment file at the commit
 * the run's pipeline was read from (so a repeated run uses the same quarantine), the stage's
 * {@code tags} parameter over it.
 */
final class RunSmokeSettings {
    private RunSmokeSettings() {
    }

    static SmokeSettings of(StageContext context) {
        SmokeSettings settings = fromEnvironmentFile(context).orElse(SmokeSettings.DEFAULT);
        Optional<String> tags = context.params().optionalString("tags");
        if (tags.isPresent()) {
            TagExpressions.problem(tags.get()).ifPresent(p -> {
                throw new IllegalArgumentException("stage '" + context.stage().name() + "': parameter 'tags': " + p);
            });
            settings = settings.withTags(tags.get());
        }
        return settings;
    }

    private static Optional<SmokeSettings> fromEnvironmentFile(StageContext context) {
        PipelineDef pipeline = context.pipeline();
        if (pipeline == null || pipeline.repo() == null) return Optional.empty();
        try (PipelineRepository repo = pipeline.commit() == null
                ? PipelineRepository.directory(Path.of(pipeline.repo())) : PipelineRepository.open(pipeline.repo())) {
            PipelineSnapshot snapshot = pipeline.commit() == null ? repo.workingTree() : repo.at(pipeline.commit());
            EnvironmentFile file = snapshot.environment(context.environment().name());
            return file.section(new SmokeSection());
        }
    }
}
