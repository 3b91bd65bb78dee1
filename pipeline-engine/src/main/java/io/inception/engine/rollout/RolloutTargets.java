package io.inception.engine.rollout;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;

import java.util.List;
import java.util.Optional;

/**
 * Where an environment's compute hosts are and how to log in to them: {@link EnvironmentTargets}
 * reads them from the environment file; an inventory (the sandbox's) or, later, the iNova
 * provisioner can supply them too.
 */
public interface RolloutTargets {
    /**
     * The fleet of one environment.
     *
     * @param hosts       the hosts, in the file's cell order
     * @param settings    how to log in
     * @param environment the environment file they came from, when they did (its waves, gates,
     *                    failure budget and {@code rollout:} section shape the rollout)
     */
    record Fleet(List<HostTarget> hosts, FleetSettings settings, Optional<EnvironmentFile> environment) {
        public Fleet {
            hosts = List.copyOf(hosts);
        }

        /** A fleet not described by an environment file. */
        public Fleet(List<HostTarget> hosts, FleetSettings settings) {
            this(hosts, settings, Optional.empty());
        }
    }

    Fleet forEnvironment(String environment);

    /**
     * The fleet of the environment a stage runs on; an implementation may read the environment
     * file at the run's pipeline commit. By default {@link #forEnvironment} of its name.
     */
    default Fleet forRun(io.inception.engine.stage.StageContext context) {
        return forEnvironment(context.environment().name());
    }
}
