package io.inception.cluster.rollout;

import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.HostTrust;
import io.inception.engine.fleet.SshKey;
import io.inception.engine.rollout.RolloutSpec;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import io.inception.sandbox.ssh.SandboxHost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Sandbox compute hosts in cells c1, c2, ... behind real SSH, with their host keys enrolled. */
final class SandboxCells implements AutoCloseable {
    static final String SOURCE = "deb [trusted=yes] http://repo.invalid/builds/b-42 stable main";

    final SandboxFleet sandbox;
    final List<HostTarget> hosts;
    final FleetSettings settings;

    SandboxCells(Path dir, int hosts, int cells) {
        sandbox = SandboxFleet.start(SandboxFleetSpec.of(hosts, cells, dir.resolve("sandbox")));
        this.hosts = sandbox.endpoints().stream().map(e -> new HostTarget(e.name(), e.cell(), e.address(), e.port())).toList();
        settings = FleetSettings.of(sandbox.user(), SshKey.fromFile(sandbox.privateKeyFile()), dir.resolve("known_hosts"))
                .withConnectTimeout(Duration.ofSeconds(5));
        HostTrust.enrol(settings, this.hosts);
    }

    /** nova-compute 2.0-1 in waves of 1 host, then 2, then the rest, 2 hosts at a time. */
    static RolloutSpec spec() {
        return RolloutSpec.of("qe", "b-42", "2.0-1", SOURCE)
                .withWaves(RolloutSpec.parseWaves("1,2,100%")).withMaxParallel(2)
                .withCommandTimeout(Duration.ofSeconds(30));
    }

    /** The environment file {@code qe} of these cells, each in its region (if {@code regions} names one), then {@code rest}. */
    io.inception.engine.config.EnvironmentFile environment(java.util.Map<String, String> regions, String rest) {
        StringBuilder yaml = new StringBuilder("name: qe\ncells:\n");
        for (String cell : hosts.stream().map(HostTarget::cell).distinct().toList()) {
            yaml.append("  - name: ").append(cell).append('\n');
            if (regions.containsKey(cell)) yaml.append("    region: ").append(regions.get(cell)).append('\n');
            yaml.append("    hosts: [").append(String.join(", ", inCell(cell).stream().map(SandboxHost::name).toList()))
                    .append("]\n");
        }
        return io.inception.engine.config.EnvironmentFile.parse(yaml + rest, "environments/qe.yaml").orElseThrow();
    }

    List<SandboxHost> inCell(String cell) {
        return sandbox.hosts().stream().filter(h -> h.cell().equals(cell)).toList();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
