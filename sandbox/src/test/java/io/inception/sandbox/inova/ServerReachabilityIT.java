package io.inception.sandbox.inova;

import io.inception.sandbox.ssh.HostEndpoint;
import io.inception.testing.ManualClock;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server the sandbox iNova boots becomes a simulated Debian host behind the sandbox fleet's real SSH at
 * its own address once ACTIVE, and stops answering when it is deleted — checked with OpenSSH's client.
 */
class ServerReachabilityIT {
    @TempDir
    Path dir;
    ManualClock clock;
    SandboxFleet fleet;
    InovaSimulator sim;
    InovaHttp http;

    @BeforeEach
    void start() throws Exception {
        clock = new ManualClock(java.time.Instant.parse("2026-11-27T08:00:00Z"));
        fleet = SandboxFleet.start(SandboxFleetSpec.of(1, 1, dir.resolve("fleet")));
        sim = InovaSimulator.start(InovaSpec.defaults().withClock(clock).withBootDelay(Duration.ofSeconds(10)))
                .reachability(ServerReachability.over(fleet));
        http = new InovaHttp(sim).login();
    }

    @AfterEach
    void stop() {
        sim.close();
        fleet.close();
    }

    @Test
    void anActiveServerAnswersSshAtItsAddressUntilItIsDeleted() throws Exception {
        String image = http.get("/image/v2/images?name=debian-12").body().at("/images/0/id").asText();
        InovaHttp.Answer boot = http.compute("POST", "/servers", """
                {"server": {"name": "qe-api-keystone-1", "flavorRef": "2", "imageRef": "%s", "networks": "none"}}"""
                .formatted(image), "2.60");
        assertThat(boot.status()).as(boot.text()).isEqualTo(202);
        String id = boot.body().at("/server/id").asText();

        assertThat(http.compute("GET", "/servers/" + id, null, "2.60").body().at("/server/status").asText()).isEqualTo("BUILD");
        assertThat(fleet.host("qe-api-keystone-1")).as("not reachable while building").isEmpty();

        clock.advance(Duration.ofSeconds(11));
        var server = http.compute("GET", "/servers/" + id, null, "2.60").body().at("/server");
        assertThat(server.at("/status").asText()).isEqualTo("ACTIVE");
        String address = server.at("/addresses/private/0/addr").asText();
        HostEndpoint vm = fleet.get("qe-api-keystone-1").endpoint();
        assertThat(vm.address()).isEqualTo(address).startsWith("127.64.");
        assertThat(vm.cell()).isEqualTo("vm");

        Path knownHosts = fleet.writeKnownHosts(dir.resolve("known_hosts"));
        Ssh first = ssh(knownHosts, vm, "dpkg-query -W -f='${Version}' nova-compute; systemctl is-active nova-compute");
        assertThat(first.code()).as(first.out()).isNotEqualTo(255);
        assertThat(first.out()).contains("no packages found matching nova-compute");
        assertThat(fleet.get("qe-api-keystone-1").state().commandLog()).isNotEmpty();

        assertThat(http.compute("DELETE", "/servers/" + id, null, "2.60").status()).isEqualTo(204);
        assertThat(fleet.host("qe-api-keystone-1")).isEmpty();
        Ssh gone = ssh(knownHosts, vm, "true");
        assertThat(gone.code()).isEqualTo(255);
        assertThat(gone.out()).contains("Connection refused");
    }

    record Ssh(int code, String out) {
    }

    Ssh ssh(Path knownHosts, HostEndpoint host, String command) throws Exception {
        Process p = new ProcessBuilder(List.of("/usr/bin/ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null", "-o", "ConnectTimeout=10",
                "-i", fleet.privateKeyFile().toString(), "-p", Integer.toString(host.port()),
                fleet.user() + "@" + host.address(), command)).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("ssh finished").isTrue();
        return new Ssh(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
