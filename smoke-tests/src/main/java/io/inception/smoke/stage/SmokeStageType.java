package io.inception.smoke.stage;

import io.inception.engine.config.ParamSpec;
import io.inception.engine.config.ParamType;
import io.inception.engine.pipeline.StageType;
import io.inception.engine.pipeline.StageTypeProvider;

import java.util.List;

/** The {@code smoke} stage type and its parameters, found by {@code StageTypes.discover()}. */
public final class SmokeStageType implements StageTypeProvider {
    /** The smoke stage type. */
    public static final StageType SMOKE = StageType.of("smoke",
            "Run the smoke tests against the deployed environment (JUnit 5 in-process, Allure report); gates promotion",
            ParamSpec.optional("tags", ParamType.STRING)
                    .withDescription("tag expression choosing the tests; default: the environment's smoke.tags, else 'smoke'"),
            ParamSpec.optional("version", ParamType.STRING)
                    .withDescription("the package version every compute host must report; default: what was deployed"));

    @Override
    public List<StageType> stageTypes() {
        return List.of(SMOKE);
    }
}
