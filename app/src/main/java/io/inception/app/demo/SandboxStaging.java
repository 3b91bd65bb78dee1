package io.inception.app.demo;

import io.inception.app.promotion.DeployTargets;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.SshKey;
import io.inception.packaging.Packaging;
import io.inception.packaging.apt.RepoFileServer;
import io.inception.sandbox.inova.InovaSimulator;
import io.inception.sandbox.inova.InovaSpec;
import io.inception.sandbox.ssh.HttpAptIndex;
import io.inception.sandbox.ssh.PackageIndex;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A sandbox {@code staging}: {@link DemoPuppet#ROLES} control VMs and {@code computeHosts} compute hosts in
 * two cells behind real SSH, whose {@code apt-get update} reads the home's real apt repository over HTTP
 * (suite {@code staging}, so they install what the suite was repointed at), and the iNova simulator with the
 * compute hosts as hypervisors for the smoke suite. Its environment file promotes from {@code from}.
 */
public final class SandboxStaging implements DeployTargets, AutoCloseable {
    /** The version every sandbox host runs before the promotion. */
    public static final String PREVIOUS = "1.0-1";

    private final SandboxFleet fleet;
    private final InovaSimulator cloud;
    private final AutoCloseable aptServer;
    private final String aptSource;
    private final List<HostTarget> control;
    private final List<HostTarget> compute;
    private final FleetSettings ssh;
    private final EnvironmentFile file;
    private final Path sourceRoot;

    private SandboxStaging(SandboxFleet fleet, InovaSimulator cloud, AutoCloseable aptServer, String aptSource,
                           List<HostTarget> control, List<HostTarget> compute, FleetSettings ssh, EnvironmentFile file,
                           Path sourceRoot) {
        this.fleet = fleet;
        this.cloud = cloud;
        this.aptServer = aptServer;
        this.aptSource = aptSource;
        this.control = control;
        this.compute = compute;
        this.ssh = ssh;
        this.file = file;
        this.sourceRoot = sourceRoot;
    }

    /**
     * Starts the sandbox under {@code workDir}, its hosts reading {@code packaging}'s repository over HTTP;
     * {@code from} is the environment whose smoke suite gates it.
     */
    public static SandboxStaging start(Packaging packaging, int computeHosts, String from, Path workDir, Path sourceRoot) {
        RepoFileServer apt;
        try {
            apt = RepoFileServer.start(packaging.repository().root(), new InetSocketAddress("127.0.0.1", 0), "apt");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the apt repository for the sandbox staging", e);
        }
        try {
            PackageIndex index = new HttpAptIndex(PackageIndex.fixed(Map.of("nova-compute", List.of(PREVIOUS))));
            SandboxStaging staging = start(index, packaging.sourcesLine(apt.url(), "staging"), apt.url(), apt, computeHosts,
                    from, "", null, workDir, sourceRoot);
            // what configuration management gives every host: the key apt checks Inception's repository with
            String key = packaging.key().exportArmored();
            staging.fleet().hosts().forEach(h -> h.state().withFile(Packaging.HOST_KEYRING, key));
            return staging;
        } catch (IOException e) {
            apt.close();
            throw new UncheckedIOException("cannot read the apt repository's key for the sandbox staging", e);
        } catch (RuntimeException e) {
            apt.close();
            throw e;
        }
    }

    /**
     * As above with a given package index and apt line; {@code extraYaml} is appended to the environment file; with
     * a {@code gateTimeout} (else null) the canary wave has a manual gate after it ({@code gate: manual}) and a
     * promotion waits for its approval that long ({@code promotion.gate-timeout}).
     */
    static SandboxStaging start(PackageIndex index, String aptSource, String aptUrl, AutoCloseable aptServer,
                                int computeHosts, String from, String extraYaml, Duration gateTimeout, Path workDir,
                                Path sourceRoot) {
        int controlVms = DemoPuppet.ROLES.size();
        SandboxFleet fleet = SandboxFleet.start(SandboxFleetSpec.of(controlVms + computeHosts, 1, workDir.resolve("fleet"))
                .withIndex(index));
        List<HostTarget> control = new ArrayList<>();
        List<HostTarget> compute = new ArrayList<>();
        var endpoints = fleet.endpoints();
        for (int i = 0; i < endpoints.size(); i++) {
            var e = endpoints.get(i);
            boolean isControl = i < controlVms;
            String cell = isControl ? "api" : (i - controlVms) < computeHosts / 2 ? "stg-c1" : "stg-c2";
            (isControl ? control : compute).add(new HostTarget(e.name(), cell, e.address(), e.port()));
        }
        FleetSettings ssh = FleetSettings.of(fleet.user(), SshKey.fromFile(fleet.privateKeyFile()),
                fleet.writeKnownHosts(workDir.resolve("known_hosts"))).withConnectTimeout(Duration.ofSeconds(5));
        InovaSimulator cloud = InovaSimulator.start(InovaSpec.defaults()
                .withComputeHosts(compute.stream().map(HostTarget::name).toList()).withBootDelay(Duration.ofMillis(300)));
        return new SandboxStaging(fleet, cloud, aptServer, aptSource, control, compute, ssh,
                environment(control, compute, from, aptUrl, extraYaml, gateTimeout), sourceRoot);
    }

    @Override
    public Target forEnvironment(String environment) {
        if (!environment.equals(file.name())) throw new IllegalArgumentException("the sandbox has no environment " + environment);
        return new Target(file, control, compute, ssh, aptSource,
                SandboxDeployments.access(cloud), sourceRoot);
    }

    /** The environment file of the sandbox staging. */
    public EnvironmentFile file() {
        return file;
    }

    /** The sandbox hosts, to look at after the promotion. */
    public SandboxFleet fleet() {
        return fleet;
    }

    public List<HostTarget> computeHosts() {
        return compute;
    }

    /** The simulated cloud the smoke suite logs in to (its faults can be set). */
    public InovaSimulator cloud() {
        return cloud;
    }

    /**
     * staging: two cells, waves [1, 50%, rest] (a manual gate after the canary when {@code gateTimeout} is not
     * null), one failure allowed, Puppet roles on the control VMs.
     */
    static EnvironmentFile environment(List<HostTarget> control, List<HostTarget> compute, String from, String aptUrl,
                                       String extraYaml, Duration gateTimeout) {
        StringBuilder cells = new StringBuilder();
        for (String cell : List.of("stg-c1", "stg-c2")) {
            List<String> names = compute.stream().filter(h -> h.cell().equals(cell)).map(HostTarget::name).toList();
            if (!names.isEmpty()) cells.append("  - name: ").append(cell).append("\n    hosts: [")
                    .append(String.join(", ", names)).append("]\n");
        }
        return EnvironmentFile.parse("""
                name: staging
                description: Sandbox staging, promoted from %s
                cells:
                %swaves:
                  - {name: canary, size: 1%s}
                  - {name: half, size: 50%%}
                  - {name: rest, size: rest}
                failure-budget:
                  max-failed: 1
                rollout:
                  max-parallel: 10
                  command-timeout: 30s
                promotion:
                  from: %s
                  apt-url: %s
                %s""".formatted(from, cells, gateTimeout == null ? "" : ", gate: manual", from, aptUrl,
                gateTimeout == null ? "" : "  gate-timeout: " + gateTimeout.toSeconds() + "s\n")
                + DemoPuppet.puppetSection(control) + extraYaml,
                "sandbox/staging.yaml").orElseThrow();
    }

    @Override
    public void close() {
        cloud.close();
        fleet.close();
        if (aptServer != null) {
            try {
                aptServer.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the sandbox's apt server", e);
            }
        }
    }
}
