package io.inception.puppet.stage;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;

import java.util.List;

/**
 * The hosts Puppet configures in an environment and how to log in to them. {@code app} implements
 * it: the control VMs' addresses come from the provisioner (stored with the environment), the
 * compute hosts from the environment file or the sandbox.
 */
public interface PuppetTargets {
    /**
     * One environment's targets.
     *
     * @param environment the environment file (its {@code puppet:} section and credentials)
     * @param control     the control VMs (nova-api, scheduler, conductor, glance, keystone, cell DB and MQ)
     * @param compute     the compute hosts (each with its cell)
     * @param settings    SSH user, key and the environment's known_hosts
     */
    record Targets(EnvironmentFile environment, List<HostTarget> control, List<HostTarget> compute, FleetSettings settings) {
        public Targets {
            control = List.copyOf(control);
            compute = List.copyOf(compute);
        }
    }

    Targets forEnvironment(String environment);

    /**
     * The targets of the environment a stage runs on; an implementation may read the environment
     * file at the run's pipeline commit. By default {@link #forEnvironment} of its name.
     */
    default Targets forRun(io.inception.engine.stage.StageContext context) {
        return forEnvironment(context.environment().name());
    }
}
