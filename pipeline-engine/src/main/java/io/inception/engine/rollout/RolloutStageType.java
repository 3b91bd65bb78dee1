package io.inception.engine.rollout;

import io.inception.engine.config.ParamSpec;
import io.inception.engine.config.ParamType;
import io.inception.engine.pipeline.StageType;
import io.inception.engine.pipeline.StageTypeProvider;

import java.util.List;

/** The {@code rollout} stage type and its parameters, found by {@code StageTypes.discover()}. */
public final class RolloutStageType implements StageTypeProvider {
    /** The rollout stage type. */
    public static final StageType ROLLOUT = StageType.of("rollout",
            "Upgrade a package on every compute host of the environment in waves, with a failure budget and rollback",
            ParamSpec.optional("version", ParamType.STRING)
                    .withDescription("the package version to install, e.g. 2026.11.27-42; default: the version the"
                            + " run's package stage published"),
            ParamSpec.optional("apt-source", ParamType.STRING)
                    .withDescription("the 'deb ...' line of the build's apt snapshot; default: the line for the"
                            + " snapshot the run's package stage published"),
            new ParamSpec("package", ParamType.STRING, false, "nova-compute", null, "the package and its service"),
            ParamSpec.optional("waves", ParamType.LIST)
                    .withDescription("batch sizes, counts or percents; default [1, \"5%\", \"25%\", \"100%\"]"),
            new ParamSpec("max-parallel", ParamType.INT, false, 50L, null, "hosts upgraded at once within a wave"),
            ParamSpec.optional("failure-budget", ParamType.STRING)
                    .withDescription("failures allowed after the first two waves, a count or a percent; default 2%"),
            ParamSpec.oneOf("cell-order", "parallel", "one-at-a-time").withDefault("parallel")
                    .withDescription("interleave the cells in every wave, or finish one cell before the next"),
            ParamSpec.oneOf("rollback", "failed", "all").withDefault("failed")
                    .withDescription("failed: roll back failed hosts; all: also the upgraded ones when the budget is spent"),
            ParamSpec.optional("command-timeout", ParamType.DURATION)
                    .withDescription("how long one command on a host may take; default 10m"));

    @Override
    public List<StageType> stageTypes() {
        return List.of(ROLLOUT);
    }
}
