package io.inception.app.demo;

import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.SshKey;
import io.inception.engine.merge.Secret;
import io.inception.sandbox.inova.InovaSimulator;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.smoke.deployed.CloudAccess;
import io.inception.smoke.deployed.DeployedEnvironment;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** The sandbox as a deployed environment for the smoke tests: the iNova simulator and the sandbox SSH hosts. */
public final class SandboxDeployments {
    private SandboxDeployments() {
    }

    /**
     * The deployed environment of a sandbox cloud whose hypervisors are {@code fleet}'s hosts;
     * {@code knownHosts} is written with the hosts' keys.
     */
    public static DeployedEnvironment of(String name, InovaSimulator cloud, SandboxFleet fleet, String version,
                                         String aptSnapshot, Path knownHosts) {
        List<HostTarget> hosts = fleet.endpoints().stream()
                .map(e -> new HostTarget(e.name(), e.cell(), e.address(), e.port())).toList();
        return new DeployedEnvironment(name, access(cloud), "nova-compute", version, aptSnapshot, hosts,
                FleetSettings.of(fleet.user(), SshKey.fromFile(fleet.privateKeyFile()), fleet.writeKnownHosts(knownHosts)),
                null);
    }

    /** How the smoke suite logs in to the sandbox cloud. */
    public static CloudAccess access(InovaSimulator cloud) {
        return new CloudAccess(URI.create(cloud.authUrl()), cloud.username(), new Secret(cloud.password()),
                cloud.project(), cloud.domain());
    }
}
