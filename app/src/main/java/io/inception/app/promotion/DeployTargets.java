package io.inception.app.promotion;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.smoke.deployed.CloudAccess;

import java.util.List;

/**
 * Where a promoted environment is: {@link ConfiguredDeployTargets} reads it from the environment file, the
 * stored control plane and the {@code promotion:} section; the demo gives a sandbox.
 */
@FunctionalInterface
public interface DeployTargets {
    /** The environment's targets; throws {@link IllegalArgumentException} saying what is missing. */
    Target forEnvironment(String environment);

    /**
     * @param file         the environment file (waves, failure budget, {@code rollout:}, {@code puppet:},
     *                     {@code smoke:} and {@code promotion:} sections)
     * @param controlVms   the control VMs Puppet configures
     * @param computeHosts the compute hosts the package is rolled over
     * @param ssh          how to log in to both
     * @param aptSource    the {@code deb ...} line of the environment's apt suite, as its hosts see it
     * @param cloud        where the smoke suite logs in
     * @param sourceRoot   the repository holding the Puppet manifests when the {@code puppet:} section names none
     */
    record Target(EnvironmentFile file, List<HostTarget> controlVms, List<HostTarget> computeHosts, FleetSettings ssh,
                  String aptSource, CloudAccess cloud, java.nio.file.Path sourceRoot) {
        public Target {
            controlVms = List.copyOf(controlVms);
            computeHosts = List.copyOf(computeHosts);
        }
    }
}
