package io.inception.engine.rollout;

import io.inception.engine.config.Quantity;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.model.ExecutionStatus;
import io.inception.sandbox.ssh.HostFault;
import io.inception.sandbox.ssh.SandboxHost;
import io.inception.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pauses and manual gates between waves, the health command, one script per host, and cancellation. */
class RolloutGatesTest {
    static final List<Quantity> THREE_WAVES = List.of(new Quantity(Quantity.Kind.COUNT, 1),
            new Quantity(Quantity.Kind.COUNT, 3), new Quantity(Quantity.Kind.REST, 0));

    @TempDir
    Path dir;
    SandboxRig rig;
    ManualClock clock = new ManualClock(Instant.parse("2026-11-27T05:00:00Z"));
    RolloutEngine engine;

    @BeforeEach
    void start() {
        rig = new SandboxRig(dir, 12, 2);
        engine = new RolloutEngine(rig.store.rollouts(), rig.fleet, rig.drain, clock, IdGenerator.sequential("g-"));
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    long upgraded() {
        return rig.sandbox.hosts().stream().filter(h -> h.state().version("nova-compute").orElseThrow().equals("2.0-1")).count();
    }

    @Test
    void aManualGateHoldsTheNextWaveUntilApproved() {
        String id = engine.plan(SandboxRig.spec().withWaves(THREE_WAVES)
                .withGates(List.of(new WaveGate(1, Duration.ZERO, true))), rig.hosts);

        RolloutSummary waiting = engine.run(id);

        assertThat(waiting.status()).isEqualTo(ExecutionStatus.WAITING);
        assertThat(waiting.message()).isEqualTo("waiting for approval after wave 2: inception rollout approve " + id);
        assertThat(upgraded()).isEqualTo(4);
        assertThat(engine.run(id).status()).as("running again without approval still waits").isEqualTo(ExecutionStatus.WAITING);
        assertThat(upgraded()).isEqualTo(4);

        assertThat(engine.approve(id)).isTrue();
        assertThat(engine.approve(id)).as("approving twice changes nothing").isFalse();
        RolloutSummary done = engine.run(id);

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(upgraded()).isEqualTo(12);
    }

    @Test
    void aPauseHoldsTheNextWaveForItsDurationAfterThePreviousWaveEnded() {
        String id = engine.plan(SandboxRig.spec().withWaves(THREE_WAVES)
                .withGates(List.of(new WaveGate(0, Duration.ofMinutes(5), false))), rig.hosts);

        RolloutSummary paused = engine.run(id);

        assertThat(paused.status()).isEqualTo(ExecutionStatus.WAITING);
        assertThat(paused.message()).isEqualTo("paused after wave 1 until 2026-11-27T05:05:00Z");
        assertThat(engine.approve(id)).as("a pause is not approved, it elapses").isFalse();
        clock.advance(Duration.ofMinutes(4));
        assertThat(engine.run(id).status()).isEqualTo(ExecutionStatus.WAITING);
        assertThat(upgraded()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(engine.run(id).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(upgraded()).isEqualTo(12);
    }

    @Test
    void everyHostTakesTwoRoundTripsAndTheHealthCommandRunsAfterTheServiceCheck() {
        String id = engine.plan(SandboxRig.spec().withHealthCommand("systemctl is-active nova-compute"), rig.hosts);

        assertThat(engine.run(id).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

        for (SandboxHost h : rig.sandbox.hosts()) {
            List<String> log = h.state().commandLog();
            assertThat(log).as(h.name()).hasSize(2);
            assertThat(log.get(0)).startsWith("dpkg-query");
            assertThat(log.get(1)).startsWith("sudo -n -- sh -c ")
                    .containsSubsequence("apt-get update", "apt-get install", "systemctl restart nova-compute",
                            "dpkg-query", "systemctl is-active nova-compute", "@@inception-step=health");
        }
    }

    @Test
    void aFailingHealthCommandFailsVerifyAndTheHostIsRolledBack() {
        String id = engine.plan(SandboxRig.spec().withHealthCommand("false").withBudget(
                new FailureBudgetPolicy(0, new Quantity(Quantity.Kind.COUNT, 0))), rig.hosts);

        RolloutSummary summary = engine.run(id);

        assertThat(summary.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(summary.failed()).singleElement().asString()
                .contains("verify: health command failed (exit 1)", "rolled back to 1.0-1");
        assertThat(rig.sandbox.hosts()).allSatisfy(h -> assertThat(h.state().version("nova-compute")).contains("1.0-1"));
    }

    @Test
    void theFailingStepIsNamedWithItsOwnOutput() {
        String id = engine.plan(SandboxRig.spec().withBudget(new FailureBudgetPolicy(0, new Quantity(Quantity.Kind.COUNT, 5))),
                rig.hosts);
        SandboxHost bad = rig.sandbox.get(rig.store.rollouts().hosts(id).get(0).host().name());
        bad.state().inject(HostFault.SERVICE_DOES_NOT_COME_BACK);

        RolloutSummary summary = engine.run(id);

        assertThat(summary.failed()).singleElement().asString()
                .contains("verify: service nova-compute is not active (exit 3: inactive)")
                .doesNotContain("Reading package lists");
    }

    @Test
    void aCancelledRolloutStartsNoFurtherHostAndResumesLater() {
        String id = engine.plan(SandboxRig.spec().withMaxParallel(1), rig.hosts);
        RolloutSummary cancelled = engine.run(id, () -> rig.store.rollouts().hosts(id).stream()
                .filter(h -> h.phase() == HostPhase.DONE).count() >= 3);

        assertThat(cancelled.status()).isEqualTo(ExecutionStatus.CANCELED);
        assertThat(cancelled.message()).contains("inception rollout resume " + id);
        assertThat(cancelled.count(HostPhase.DONE)).isEqualTo(3);
        assertThat(cancelled.count(HostPhase.PENDING)).isEqualTo(9);

        RolloutSummary resumed = engine.run(id);
        assertThat(resumed.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(rig.sandbox.hosts()).allSatisfy(h -> assertThat(h.state().installCount("nova-compute")).isEqualTo(1));
    }
}
