package io.inception.engine.rollout;

import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;

import java.util.List;

/**
 * Where an environment's compute hosts are and how to log in to them; {@code app} implements it
 * from the environment file (or the sandbox), later the iNova provisioner too.
 */
public interface RolloutTargets {
    /** The fleet of one environment. */
    record Fleet(List<HostTarget> hosts, FleetSettings settings) {
        public Fleet {
            hosts = List.copyOf(hosts);
        }
    }

    Fleet forEnvironment(String environment);
}
