package io.inception.smoke.deployed;

import io.inception.engine.stage.StageContext;

/**
 * Where the smoke stage learns what was deployed: {@code app} implements it from the environment
 * file, the iNova control plane and the build (package version, apt snapshot), or from the sandbox.
 */
@FunctionalInterface
public interface DeployedEnvironmentSource {
    /** The deployed environment this run's smoke stage tests. */
    DeployedEnvironment resolve(StageContext context);
}
