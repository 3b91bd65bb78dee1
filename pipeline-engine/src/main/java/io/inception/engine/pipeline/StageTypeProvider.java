package io.inception.engine.pipeline;

import java.util.List;

/**
 * Lets a module contribute stage types without touching YAML parsing: implement it and list the
 * class in {@code META-INF/services/io.inception.engine.pipeline.StageTypeProvider};
 * {@link StageTypes#discover()} then includes its types.
 */
public interface StageTypeProvider {
    /** The stage types this module runs. */
    List<StageType> stageTypes();
}
