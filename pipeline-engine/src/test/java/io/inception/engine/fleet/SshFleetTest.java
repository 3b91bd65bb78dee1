package io.inception.engine.fleet;

import io.inception.engine.wait.WaitStrategy;
import io.inception.engine.wait.Waited;
import io.inception.sandbox.ssh.HostFault;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import io.inception.sandbox.ssh.SandboxHost;
import io.inception.testing.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSch fleet against sandbox hosts behind real SSH. */
class SshFleetTest {
    static final Duration T = Duration.ofSeconds(20);
    static final List<String> HOSTILE = List.of("; touch /tmp/pwned", "$(id)", "`id`", "a'b", "'\"'\"'",
            "x\nrm -rf /", "--version", "", " ", "1.0-1 && reboot", "nova-compute=1.0' || true; '", "\\", "*", "~root",
            "${PATH}", "|cat", ">/etc/passwd", "&", "\t", "é ü ✓");

    @TempDir
    static Path dir;
    static SandboxFleet sandbox;
    static List<HostTarget> hosts;

    @BeforeAll
    static void start() {
        sandbox = SandboxFleet.start(SandboxFleetSpec.of(5, 1, dir.resolve("sandbox")));
        hosts = sandbox.endpoints().stream().map(e -> new HostTarget(e.name(), e.cell(), e.address(), e.port())).toList();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) sandbox.close();
    }

    static FleetSettings settings(String knownHosts) {
        return FleetSettings.of(sandbox.user(), SshKey.fromFile(sandbox.privateKeyFile()), dir.resolve(knownHosts))
                .withConnectTimeout(Duration.ofSeconds(5));
    }

    @Test
    void enrolmentRecordsKeysOnceAndTheFleetThenRunsCommandsOnOneConnectionPerHost() {
        FleetSettings settings = settings("kh-enrol");
        List<TrustOutcome> first = HostTrust.enrol(settings, hosts.subList(0, 2));
        assertThat(first).allSatisfy(o -> assertThat(o).isInstanceOf(TrustOutcome.Recorded.class));
        assertThat(HostTrust.enrol(settings, hosts.subList(0, 2)))
                .allSatisfy(o -> assertThat(o).isInstanceOf(TrustOutcome.AlreadyTrusted.class));

        try (SshFleet fleet = SshFleet.open(settings)) {
            HostTarget h = hosts.get(0);
            CommandResult r = fleet.exec(h, RemoteCommand.of("dpkg-query", "-W", "-f=${Version}", "nova-compute"), T);
            assertThat(r).isEqualTo(new CommandResult.Completed(0, "1.0-1", ""));
            assertThat(fleet.exec(h, RemoteCommand.of("apt-get", "update").asRoot(), T).ok()).isTrue();
            assertThat(fleet.exec(hosts.get(1), RemoteCommand.of("false"), T)).isEqualTo(new CommandResult.Completed(1, "", ""));
            assertThat(fleet.openConnections()).isEqualTo(2);
            assertThat(sandbox.get(h.name()).state().commandLog())
                    .contains("sudo -n -- apt-get update");

            CommandResult unknown = fleet.exec(hosts.get(2), RemoteCommand.of("true"), T);
            assertThat(unknown).isInstanceOf(CommandResult.Refused.class);
            assertThat(unknown.describe()).contains("is not in", "inception hosts trust");
        }
    }

    @Test
    void aHostStillStartingIsEnrolledOnceItsSshdAnswersOrTheWaitSaysWhichDidNot() throws Exception {
        HostTarget h = hosts.get(2);
        SandboxHost starting = sandbox.get(h.name());
        ManualClock clock = new ManualClock(Instant.parse("2026-11-27T08:00:00Z"));
        Instant up = clock.instant().plusSeconds(20);
        WaitStrategy wait = WaitStrategy.of(Duration.ofSeconds(60), Duration.ofSeconds(10)).withClock(clock, d -> {
            clock.advance(d);
            if (!clock.instant().isBefore(up)) starting.clear(HostFault.UNREACHABLE);
        });
        starting.inject(HostFault.UNREACHABLE);
        try {
            List<TrustOutcome> enrolled = HostTrust.enrolWhenUp(settings("kh-starting"), hosts.subList(1, 3), wait).orElseThrow();
            assertThat(enrolled).extracting(TrustOutcome::host).containsExactly(hosts.get(1), h);
            assertThat(enrolled).allSatisfy(o -> assertThat(o).isInstanceOf(TrustOutcome.Recorded.class));
            assertThat(clock.instant()).isEqualTo(up);

            starting.inject(HostFault.UNREACHABLE);
            Waited<List<TrustOutcome>> down = HostTrust.enrolWhenUp(settings("kh-down"), List.of(h), wait.withClock(clock, clock::advance));
            assertThat(down).isInstanceOf(Waited.TimedOut.class);
            assertThat(((Waited.TimedOut<List<TrustOutcome>>) down).message())
                    .startsWith("sshd answering on 1 host(s) not reached after 60 s; last seen: " + h.name() + ": ");
        } finally {
            starting.clear(HostFault.UNREACHABLE);
        }
    }

    @Test
    void aChangedHostKeyRefusesTheHostAndEnrolmentDoesNotOverwriteIt() {
        FleetSettings settings = settings("kh-changed");
        HostTarget h = hosts.get(3);
        HostTrust.enrol(settings, List.of(h));
        SandboxHost host = sandbox.get(h.name());
        host.inject(HostFault.CHANGED_HOST_KEY);
        try (SshFleet fleet = SshFleet.open(settings)) {
            CommandResult r = fleet.exec(h, RemoteCommand.of("true"), T);
            assertThat(r).isInstanceOf(CommandResult.Refused.class);
            assertThat(r.describe()).contains("has changed since it was enrolled");
        }
        assertThat(HostTrust.enrol(settings, List.of(h))).singleElement().isInstanceOf(TrustOutcome.Changed.class);
        assertThat(host.state().commandLog()).isEmpty();
    }

    @Test
    void aSlowCommandTimesOutAndAnUnreachableHostIsReported() {
        FleetSettings settings = settings("kh-slow");
        HostTarget h = hosts.get(4);
        HostTrust.enrol(settings, List.of(h));
        SandboxHost host = sandbox.get(h.name());
        host.slowDelay(Duration.ofSeconds(3));
        host.inject(HostFault.SLOW);
        try (SshFleet fleet = SshFleet.open(settings)) {
            assertThat(fleet.exec(h, RemoteCommand.of("true"), Duration.ofMillis(300)))
                    .isEqualTo(new CommandResult.TimedOut(Duration.ofMillis(300)));
            host.clear(HostFault.SLOW);
            assertThat(fleet.exec(h, RemoteCommand.of("true"), T).ok()).as("the connection is still usable").isTrue();
            host.inject(HostFault.UNREACHABLE);
            try {
                fleet.release(h);
                assertThat(fleet.exec(h, RemoteCommand.of("true"), T)).isInstanceOf(CommandResult.Unreachable.class);
            } finally {
                host.clear(HostFault.UNREACHABLE);
            }
        }
    }

    @Test
    void hostileValuesStayOneWordOnTheSimulatedHost() {
        FleetSettings settings = settings("kh-hostile");
        HostTarget h = hosts.get(1);
        HostTrust.enrol(settings, List.of(h));
        try (SshFleet fleet = SshFleet.open(settings)) {
            for (String value : HOSTILE) {
                CommandResult r = fleet.exec(h, RemoteCommand.of("echo", value).asRoot(), T);
                assertThat(r).as(value).isEqualTo(new CommandResult.Completed(0, value + "\n", ""));
            }
        }
    }

    @Test
    void hostileValuesStayOneWordForARealPosixShell() throws Exception {
        for (String value : HOSTILE) {
            String line = RemoteCommand.of("printf", "%s", value).toShell();
            Process p = new ProcessBuilder("/bin/sh", "-c", line).redirectErrorStream(true).start();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).as(line).isEqualTo(value);
        }
        assertThat(Files.exists(Path.of("/tmp/pwned"))).isFalse();
    }

    @Test
    void aPrivateKeyNeverPrints() {
        SshKey key = SshKey.fromFile(sandbox.privateKeyFile());
        assertThat(key.toString()).isEqualTo("***");
        assertThat(settings("kh-x").toString()).doesNotContain("PRIVATE KEY");
    }
}
