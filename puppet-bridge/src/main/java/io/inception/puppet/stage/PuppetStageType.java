package io.inception.puppet.stage;

import io.inception.engine.config.ParamSpec;
import io.inception.engine.config.ParamType;
import io.inception.engine.pipeline.StageType;
import io.inception.engine.pipeline.StageTypeProvider;

import java.util.List;

/** The {@code puppet} stage type and its parameters, found by {@code StageTypes.discover()}. */
public final class PuppetStageType implements StageTypeProvider {
    /** The puppet stage type. */
    public static final StageType PUPPET = StageType.of("puppet",
            "Apply the environment's Puppet manifests at a pinned commit to its control VMs (and optionally compute hosts) over SSH",
            ParamSpec.oneOf("hosts", "control", "compute", "all").withDefault("control")
                    .withDescription("which hosts to configure"),
            ParamSpec.optional("ref", ParamType.STRING)
                    .withDescription("manifest branch, tag or commit instead of the environment's puppet.ref (staging: the build's commit)"),
            ParamSpec.optional("version", ParamType.STRING)
                    .withDescription("the build's package version, as Hiera inception::build::version"),
            ParamSpec.optional("apt-source", ParamType.STRING)
                    .withDescription("the 'deb ...' line of the build's apt snapshot, as Hiera inception::build::apt_source"),
            new ParamSpec("noop", ParamType.BOOL, false, false, null, "report what would change (drift) instead of applying"),
            new ParamSpec("max-parallel", ParamType.INT, false, 10L, null, "hosts configured at once"),
            ParamSpec.optional("command-timeout", ParamType.DURATION)
                    .withDescription("how long one puppet apply may take; default 15m"));

    @Override
    public List<StageType> stageTypes() {
        return List.of(PUPPET);
    }
}
