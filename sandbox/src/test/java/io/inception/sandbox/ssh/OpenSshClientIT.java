package io.inception.sandbox.ssh;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real OpenSSH client ({@code /usr/bin/ssh}, BatchMode, strict host-key checking against a
 * known_hosts file written here) logs in to simulated hosts and runs the commands a rollout runs.
 */
class OpenSshClientIT {
    @TempDir
    static Path dir;
    static SandboxFleet fleet;
    static Path knownHosts;

    @BeforeAll
    static void startFleet() {
        fleet = SandboxFleet.start(SandboxFleetSpec.of(3, 1, dir));
        knownHosts = fleet.writeKnownHosts(dir.resolve("known_hosts"));
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) fleet.close();
    }

    record Result(int code, String out) {
    }

    static Result ssh(HostEndpoint host, String command) throws Exception {
        List<String> argv = new ArrayList<>(List.of("/usr/bin/ssh", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "ConnectTimeout=10",
                "-i", fleet.privateKeyFile().toString(), "-p", Integer.toString(host.port()),
                fleet.user() + "@" + host.address(), command));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void openSshLogsInAndUpgradesThePackageAsOnDebian() throws Exception {
        SandboxHost host = fleet.hosts().get(0);
        HostEndpoint e = host.endpoint();

        assertThat(ssh(e, "dpkg-query -W -f='${Version}' nova-compute")).isEqualTo(new Result(0, "1.0-1"));
        Result install = ssh(e, "echo 'deb http://repo.invalid/builds/42 stable main' | true");
        assertThat(install.code()).as("a pipe is refused, never misread").isEqualTo(2);

        Result upgrade = ssh(e, "sudo -n sh -c 'apt-get update -q && apt-get install -y -q nova-compute=2.0-1'"
                + " && sudo -n systemctl restart nova-compute && systemctl is-active nova-compute");
        assertThat(upgrade.code()).as(upgrade.out()).isZero();
        assertThat(upgrade.out()).contains("Setting up nova-compute (2.0-1) ...").endsWith("active\n");
        assertThat(ssh(e, "dpkg -s nova-compute").out()).contains("Status: install ok installed", "Version: 2.0-1");
        assertThat(ssh(e, "systemctl is-active nowhere")).isEqualTo(new Result(3, "inactive\n"));
        assertThat(host.state().installCount("nova-compute")).isEqualTo(1);
    }

    @Test
    void aHostWhoseKeyChangedIsRefusedByOpenSsh() throws Exception {
        SandboxHost host = fleet.hosts().get(1);
        HostEndpoint before = host.endpoint();
        host.inject(HostFault.CHANGED_HOST_KEY);

        Result r = ssh(before, "true");

        assertThat(r.code()).isEqualTo(255);
        assertThat(r.out()).contains("REMOTE HOST IDENTIFICATION HAS CHANGED");
        assertThat(host.state().commandLog()).isEmpty();
    }

    @Test
    void anUnreachableHostRefusesConnections() throws Exception {
        SandboxHost host = fleet.hosts().get(2);
        host.inject(HostFault.UNREACHABLE);
        try {
            assertThat(ssh(host.endpoint(), "true").code()).isEqualTo(255);
        } finally {
            host.clear(HostFault.UNREACHABLE);
        }
        assertThat(ssh(host.endpoint(), "true").code()).isZero();
    }
}
