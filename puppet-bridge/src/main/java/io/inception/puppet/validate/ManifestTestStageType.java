package io.inception.puppet.validate;

import io.inception.engine.config.ParamSpec;
import io.inception.engine.config.ParamType;
import io.inception.engine.pipeline.StageType;
import io.inception.engine.pipeline.StageTypeProvider;

import java.time.Duration;
import java.util.List;

/** The {@code puppet-validate} stage type (the manifests' unit test) and its parameters, found by {@code StageTypes.discover()}. */
public final class ManifestTestStageType implements StageTypeProvider {
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(20);
    /** Hiera {@code inception::build::version} while compiling, when the stage is given none. */
    public static final String STAND_IN_VERSION = "0.0~manifest-test";
    /** Hiera {@code inception::build::apt_source} while compiling, when the stage is given none. */
    public static final String STAND_IN_APT_SOURCE = "deb [trusted=yes] http://apt.manifest-test.invalid/ ./";

    /** The puppet-validate stage type. */
    public static final StageType PUPPET_VALIDATE = StageType.of("puppet-validate",
            "Unit-test the environment's Puppet manifests at a pinned commit: puppet parser validate on every manifest, then a catalog compile for each role",
            ParamSpec.optional("ref", ParamType.STRING)
                    .withDescription("manifest branch, tag or commit instead of the environment's puppet.ref"),
            ParamSpec.optional("version", ParamType.STRING)
                    .withDescription("Hiera inception::build::version while compiling; default a stand-in (the packages are built later)"),
            ParamSpec.optional("apt-source", ParamType.STRING)
                    .withDescription("Hiera inception::build::apt_source while compiling; default a stand-in 'deb ...' line"),
            ParamSpec.optional("timeout", ParamType.DURATION)
                    .withDescription("how long Puppet may take; default 20m"));

    @Override
    public List<StageType> stageTypes() {
        return List.of(PUPPET_VALIDATE);
    }
}
