package io.inception.engine.pipeline;

import io.inception.engine.config.ParamSpec;
import io.inception.engine.config.ParamType;

import java.util.List;

/** Registered in META-INF/services to prove that {@link StageTypes#discover()} picks providers up. */
public final class TestStageTypeProvider implements StageTypeProvider {
    @Override
    public List<StageType> stageTypes() {
        return List.of(StageType.of("test-echo", "echoes a message (tests only)",
                ParamSpec.required("message", ParamType.STRING)));
    }
}
