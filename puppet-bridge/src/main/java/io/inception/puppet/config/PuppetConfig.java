package io.inception.puppet.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code puppet:} section of an environment file: where the manifests come from, which role
 * each host has, the Hiera values, and the secrets by credential reference.
 *
 * @param repo    the manifest repository (git URL or path); empty = the pipeline's own repository
 * @param ref     branch, tag or commit to resolve (pinned to a commit at the start of a run)
 * @param path    the folder inside the repository that holds {@code manifests/} and {@code modules/}
 * @param roles   the roles, in order; a host may have several
 * @param hiera   Hiera values for every node (key to a YAML value: string, number, boolean, list, map)
 * @param secrets Hiera keys whose values are credentials of the environment, by credential name
 */
public record PuppetConfig(Optional<String> repo, String ref, String path, List<RoleAssignment> roles,
                           Map<String, Object> hiera, Map<String, String> secrets) {
    public PuppetConfig {
        roles = List.copyOf(roles);
        hiera = Map.copyOf(hiera);
        secrets = Map.copyOf(secrets);
    }

    /**
     * One role and the hosts that carry it.
     *
     * @param role    the Puppet class {@code role::<role>}
     * @param hosts   control hosts by name (ranges expanded)
     * @param compute true: every compute host of the environment's cells carries it
     * @param cell    only hosts of this cell (the cell's MySQL and RabbitMQ); empty = any
     */
    public record RoleAssignment(String role, List<String> hosts, boolean compute, Optional<String> cell) {
        public RoleAssignment {
            hosts = List.copyOf(hosts);
        }

        /** The Puppet class name. */
        public String puppetClass() {
            return "role::" + role;
        }
    }
}
