package io.inception.inova.provision;

import io.inception.inova.cloud.CloudServer;

import java.util.List;

/**
 * Configures new servers of a role before they take over (blue/green replace): the Puppet stage
 * plugs in here. Called once per replacement with every new server of the role, all ACTIVE.
 */
@FunctionalInterface
public interface RoleConfigurer {
    /** Leaves the servers as booted. */
    RoleConfigurer NONE = (env, slot, servers) -> Outcome.configured();

    Outcome configure(String environment, Slot slot, List<CloudServer> servers);

    /** The result: configured, or why not. */
    record Outcome(boolean ok, String reason) {
        public static Outcome configured() {
            return new Outcome(true, "");
        }

        public static Outcome failed(String reason) {
            return new Outcome(false, reason);
        }
    }
}
