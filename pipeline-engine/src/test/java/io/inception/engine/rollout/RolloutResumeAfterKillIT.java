package io.inception.engine.rollout;

import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.HostTrust;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.fleet.SshKey;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.store.Store;
import io.inception.sandbox.ssh.HostFault;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import io.inception.sandbox.ssh.SandboxHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the orchestrator mid-rollout, for real: a child JVM rolls nova-compute over 24
 * slow sandbox hosts (in this JVM) and is SIGKILLed while hosts are in flight; this JVM resumes the
 * rollout from the store. No host is upgraded twice, none is skipped, in-flight hosts are re-checked.
 */
class RolloutResumeAfterKillIT {
    @TempDir
    Path dir;

    @Test
    void aRolloutKilledMidWaveResumesWithoutUpgradingAHostTwiceOrSkippingOne() throws Exception {
        try (SandboxFleet sandbox = SandboxFleet.start(SandboxFleetSpec.of(24, 2, dir.resolve("sandbox")))) {
            List<HostTarget> hosts = SandboxRig.targets(sandbox);
            FleetSettings settings = FleetSettings.of(sandbox.user(), SshKey.fromFile(sandbox.privateKeyFile()),
                    dir.resolve("known_hosts"));
            HostTrust.enrol(settings, hosts);
            for (SandboxHost h : sandbox.hosts()) {
                h.slowDelay(Duration.ofMillis(150));
                h.inject(HostFault.SLOW);
            }
            Path hostsFile = dir.resolve("hosts.txt");
            Files.write(hostsFile, hosts.stream().map(h -> h.name() + " " + h.cell() + " " + h.address() + " " + h.port()).toList());
            Path home = dir.resolve("home");
            Path childLog = dir.resolve("child.log");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    KillableRolloutMain.class.getName(), home.toString(), hostsFile.toString(),
                    settings.knownHosts().toString(), sandbox.privateKeyFile().toString(), sandbox.user())
                    .redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
            String id;
            List<HostRecord> atKill;
            try (Store watching = Store.openDefault(home)) {
                id = await(() -> watching.rollouts().list().stream().findFirst().map(RolloutRecord::id), child, childLog,
                        "the child's rollout");
                String rid = id;
                await(() -> Optional.of(watching.rollouts().hosts(rid))
                        .filter(l -> l.stream().filter(h -> h.phase() == HostPhase.DONE).count() >= 5
                                && l.stream().anyMatch(h -> h.phase().inFlight())), child, childLog,
                        "5 hosts done and some in flight");
            } finally {
                child.destroyForcibly();
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

            for (SandboxHost h : sandbox.hosts()) h.clear(HostFault.SLOW);
            try (Store store = Store.openDefault(home); SshFleet fleet = SshFleet.open(settings)) {
                atKill = store.rollouts().hosts(id);
                assertThat(store.rollouts().find(id).orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);
                List<String> inFlight = atKill.stream().filter(h -> h.phase().inFlight()).map(h -> h.host().name()).toList();
                assertThat(inFlight).isNotEmpty();

                RolloutEngine engine = new RolloutEngine(store.rollouts(), fleet, new InMemoryDrain(), Clock.systemUTC(),
                        IdGenerator.sequential("resumed-"));
                RolloutSummary summary = engine.run(id);

                assertThat(summary.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(summary.count(HostPhase.DONE)).as("none skipped").isEqualTo(24);
                for (SandboxHost h : sandbox.hosts()) {
                    assertThat(h.state().installCount("nova-compute")).as("%s upgraded exactly once", h.name()).isEqualTo(1);
                    assertThat(h.state().version("nova-compute")).contains("2.0-1");
                    assertThat(h.state().serviceActive("nova-compute")).isTrue();
                }
                for (String name : inFlight) {
                    assertThat(sandbox.get(name).state().commandLog()).as("%s re-checked after the resume", name)
                            .last().asString().contains("systemctl is-active nova-compute");
                }
            }
        }
    }

    private static <T> T await(Supplier<Optional<T>> probe, Process child, Path childLog, String what) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) return value.get();
            if (!child.isAlive()) {
                throw new AssertionError("child exited with " + child.exitValue() + " before " + what + ":\n"
                        + Files.readString(childLog));
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + " not seen in time; child output:\n" + Files.readString(childLog));
    }
}
