package io.inception.inova.stage;

import io.inception.engine.config.ParamSpec;
import io.inception.engine.config.ParamType;
import io.inception.engine.pipeline.StageType;
import io.inception.engine.pipeline.StageTypeProvider;

import java.util.List;

/** The {@code provision} stage type and its parameters, found by {@code StageTypes.discover()}. */
public final class ProvisionStageType implements StageTypeProvider {
    public static final StageType PROVISION = StageType.of("provision",
            "Make the environment's control plane (control-plane: in its file) exist on iNova: launch what is missing,"
                    + " replace servers in ERROR, store the addresses",
            ParamSpec.optional("build", ParamType.STRING)
                    .withDescription("the build id tagged on new servers (inception:build); default the run's build"),
            ParamSpec.optional("timeout", ParamType.DURATION)
                    .withDescription("how long the whole provision may take; default 30m"));

    @Override
    public List<StageType> stageTypes() {
        return List.of(PROVISION);
    }
}
