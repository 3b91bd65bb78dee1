package io.inception.packaging.stage;

import io.inception.engine.config.ParamSpec;
import io.inception.engine.config.ParamType;
import io.inception.engine.pipeline.StageType;
import io.inception.engine.pipeline.StageTypeProvider;

import java.util.List;

/**
 * The {@code package} stage type for the validator. Not registered by this module: the app adds it with a
 * {@code META-INF/services/io.inception.engine.pipeline.StageTypeProvider} line naming this class (or
 * {@code StageTypes.builtIn().with(PACKAGE)}), together with the {@link PackageStage} instance it runs.
 */
public final class PackagingStageTypes implements StageTypeProvider {
    /** The {@code package} stage's declared parameters. */
    public static final StageType PACKAGE = StageType.of(PackageStage.TYPE,
            "Build the candidate's Debian packages, publish the apt snapshot builds/<build-id>, optionally point a suite",
            ParamSpec.optional("specs", ParamType.STRING)
                    .withDescription("folder of package specs; default environments/packages"),
            ParamSpec.optional("upstream-file", ParamType.STRING)
                    .withDescription("file in the candidate declaring VERSION = '...'; default nova/version.py"),
            ParamSpec.optional("revision", ParamType.INT).withDescription("Debian revision; default 1"),
            ParamSpec.optional("point", ParamType.STRING)
                    .withDescription("suite to point at the new snapshot, e.g. qe"));

    @Override
    public List<StageType> stageTypes() {
        return List.of(PACKAGE);
    }
}
