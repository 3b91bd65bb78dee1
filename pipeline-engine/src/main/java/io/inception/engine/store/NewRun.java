package io.inception.engine.store;

import io.inception.engine.model.Environment;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.Run;

import java.util.Objects;

/**
 * A run as first written: the run row plus the pipeline definition and environment it executes,
 * kept so that a resume after a crash runs exactly the same stages.
 */
public record NewRun(Run run, PipelineDef definition, Environment environment) {
    public NewRun {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(environment, "environment");
    }
}
