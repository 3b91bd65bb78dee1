package io.inception.engine.rollout;

import io.inception.engine.config.Quantity;
import io.inception.engine.model.ExecutionStatus;
import io.inception.sandbox.ssh.HostFault;
import io.inception.sandbox.ssh.SandboxHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rollouts over 40 sandbox hosts in two cells, behind real SSH. */
class RolloutEngineTest {
    static final FailureBudgetPolicy ONE_LATE_FAILURE = new FailureBudgetPolicy(2, new Quantity(Quantity.Kind.COUNT, 1));

    @TempDir
    Path dir;
    SandboxRig rig;

    @BeforeEach
    void start() {
        rig = new SandboxRig(dir, 40, 2);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    SandboxHost host(int planPosition, String id) {
        return rig.sandbox.get(rig.store.rollouts().hosts(id).get(planPosition).host().name());
    }

    @Test
    void everyHostIsUpgradedOnceInWavesThatTouchBothCells() {
        String id = rig.engine.plan(RolloutEngineTest.spec(), rig.hosts);
        List<HostRecord> planned = rig.store.rollouts().hosts(id);
        assertThat(planned.stream().collect(Collectors.groupingBy(HostRecord::wave, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(0, 1L, 1, 2L, 2, 10L, 3, 27L));
        assertThat(planned.stream().filter(h -> h.wave() == 1).map(h -> h.host().cell()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("c1", "c2");

        RolloutSummary summary = rig.engine.run(id);

        assertThat(summary.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(summary.count(HostPhase.DONE)).isEqualTo(40);
        for (SandboxHost h : rig.sandbox.hosts()) {
            assertThat(h.state().version("nova-compute")).contains("2.0-1");
            assertThat(h.state().installCount("nova-compute")).isEqualTo(1);
            assertThat(h.state().serviceActive("nova-compute")).isTrue();
            assertThat(h.state().file("/etc/apt/sources.list.d/inception.list")).contains(SandboxRig.SOURCE + "\n");
        }
        assertThat(rig.drain.drained()).isEmpty();
        assertThat(rig.engine.run(id)).as("running a finished rollout again does nothing").isEqualTo(summary);
        assertThat(rig.sandbox.hosts()).allSatisfy(h -> assertThat(h.state().installCount("nova-compute")).isEqualTo(1));
    }

    @Test
    void aHostWhosePostinstFailsIsRolledBackAndTheRolloutGoesOnWithinItsBudget() {
        String id = rig.engine.plan(spec().withBudget(ONE_LATE_FAILURE), rig.hosts);
        SandboxHost bad = host(20, id);
        bad.state().inject(HostFault.INSTALL_FAILS);

        RolloutSummary summary = rig.engine.run(id);

        assertThat(summary.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(summary.count(HostPhase.DONE)).isEqualTo(39);
        assertThat(summary.count(HostPhase.ROLLED_BACK)).isEqualTo(1);
        assertThat(summary.failed()).singleElement().asString()
                .contains(bad.name(), "apt-get install nova-compute=2.0-1", "post-installation script", "rolled back to 1.0-1");
        assertThat(bad.state().version("nova-compute")).contains("1.0-1");
        assertThat(bad.state().installed("nova-compute").orElseThrow().status()).isEqualTo("install ok installed");
        assertThat(bad.state().serviceActive("nova-compute")).isTrue();
        assertThat(rig.drain.isDrained(bad.name())).isFalse();
    }

    @Test
    void aFailureInTheFirstWavesStopsTheRolloutAndTouchesNoOtherHost() {
        String id = rig.engine.plan(spec(), rig.hosts);
        host(1, id).state().inject(HostFault.WRONG_VERSION_AFTER_RESTART);

        RolloutSummary summary = rig.engine.run(id);

        assertThat(summary.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(summary.message()).contains("failure budget spent: 1 of 40 hosts failed by wave 2");
        assertThat(summary.count(HostPhase.ROLLED_BACK)).isEqualTo(1);
        assertThat(summary.count(HostPhase.DONE) + summary.count(HostPhase.ROLLED_BACK)).isEqualTo(3);
        assertThat(summary.count(HostPhase.PENDING)).isEqualTo(37);
        List<HostRecord> hosts = rig.store.rollouts().hosts(id);
        for (HostRecord h : hosts.subList(3, 40)) {
            assertThat(rig.sandbox.get(h.host().name()).state().commandLog()).as(h.host().name()).isEmpty();
        }
    }

    @Test
    void whenTheBudgetIsSpentRollbackAllPutsTheUpgradedHostsBack() {
        String id = rig.engine.plan(spec().withBudget(ONE_LATE_FAILURE).withRollbackAll(true).withMaxParallel(1), rig.hosts);
        host(5, id).state().inject(HostFault.INSTALL_FAILS);
        host(6, id).state().inject(HostFault.INSTALL_FAILS);

        RolloutSummary summary = rig.engine.run(id);

        assertThat(summary.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(summary.count(HostPhase.DONE)).isZero();
        assertThat(summary.count(HostPhase.ROLLED_BACK)).isEqualTo(7);
        assertThat(rig.sandbox.hosts()).allSatisfy(h -> assertThat(h.state().version("nova-compute")).contains("1.0-1"));
    }

    @Test
    void aServiceThatDoesNotComeBackLeavesTheHostFailedAndSaysWhy() {
        String id = rig.engine.plan(spec().withBudget(ONE_LATE_FAILURE), rig.hosts);
        SandboxHost bad = host(30, id);
        bad.state().inject(HostFault.SERVICE_DOES_NOT_COME_BACK);

        RolloutSummary summary = rig.engine.run(id);

        assertThat(summary.count(HostPhase.FAILED)).isEqualTo(1);
        assertThat(summary.failed()).singleElement().asString()
                .contains("service nova-compute is not active", "rollback failed");
    }

    @Test
    void anUnreachableHostFailsWithoutRollback() {
        String id = rig.engine.plan(spec().withBudget(ONE_LATE_FAILURE), rig.hosts);
        SandboxHost bad = host(25, id);
        bad.inject(HostFault.UNREACHABLE);
        try {
            RolloutSummary summary = rig.engine.run(id);
            assertThat(summary.count(HostPhase.FAILED)).isEqualTo(1);
            assertThat(summary.failed()).singleElement().asString().contains("unreachable");
            assertThat(summary.count(HostPhase.DONE)).isEqualTo(39);
        } finally {
            bad.clear(HostFault.UNREACHABLE);
        }
    }

    @Test
    void hostileVersionsNeverReachAHost() {
        assertThatThrownBy(() -> RolloutSpec.of("qe", "b", "2.0'; reboot; '", SandboxRig.SOURCE))
                .hasMessageContaining("invalid package version");
        assertThatThrownBy(() -> RolloutSpec.of("qe", "b", "1", "deb x\nrm -rf /")).hasMessageContaining("one 'deb ...' line");
    }

    static RolloutSpec spec() {
        return SandboxRig.spec();
    }
}
