package io.inception.smoke.deployed;

import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployed environment as the smoke tests see it: its cloud, the package version every compute
 * host should run after the upgrade, the hosts and how to reach them over SSH.
 *
 * @param name            the environment's name, e.g. {@code qe}
 * @param cloud           Keystone URL and credentials
 * @param packageName     the upgraded package and its service, normally {@code nova-compute}
 * @param expectedVersion the version every compute host must report
 * @param aptSnapshot     the apt snapshot the version came from (e.g. {@code builds/b-42}), for reports
 * @param computeHosts    the compute hosts (names as Nova knows them) with their SSH addresses
 * @param ssh             SSH user, key and the environment's managed known_hosts
 * @param boot            what the boot-and-delete test boots
 */
public record DeployedEnvironment(String name, CloudAccess cloud, String packageName, String expectedVersion,
                                  String aptSnapshot, List<HostTarget> computeHosts, FleetSettings ssh,
                                  BootSpec boot) {
    public DeployedEnvironment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(ssh, "ssh");
        packageName = packageName == null ? "nova-compute" : packageName;
        computeHosts = List.copyOf(computeHosts);
        boot = boot == null ? BootSpec.ANY : boot;
    }

    /** The same environment expecting another version (a stage's {@code version:} parameter). */
    public DeployedEnvironment withExpectedVersion(String version) {
        return new DeployedEnvironment(name, cloud, packageName, version, aptSnapshot, computeHosts, ssh, boot);
    }

    /**
     * What to boot in the server test; an absent flavor means the smallest by RAM, an absent image
     * the first active one. Microversion 2.37 is used, so {@code networks: none} needs no network.
     */
    public record BootSpec(Optional<String> flavor, Optional<String> image) {
        public static final BootSpec ANY = new BootSpec(Optional.empty(), Optional.empty());

        public BootSpec {
            flavor = flavor == null ? Optional.empty() : flavor;
            image = image == null ? Optional.empty() : image;
        }
    }
}
