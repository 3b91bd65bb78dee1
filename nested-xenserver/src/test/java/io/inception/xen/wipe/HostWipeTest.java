package io.inception.xen.wipe;

import io.inception.sandbox.xenapi.XenApiSimulator;
import io.inception.xen.api.PowerState;
import io.inception.xen.api.XenApi;
import io.inception.xen.api.XenSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** QE hosts running as VMs reverted to their golden snapshot, in waves, with a failure budget. */
class HostWipeTest {
    XenApiSimulator sim;
    XenSession s;

    @BeforeEach
    void start() {
        sim = XenApiSimulator.start();
        s = XenApi.connect(sim.url()).login(sim.username(), sim.password());
    }

    @AfterEach
    void stop() {
        s.close();
        sim.close();
    }

    private String qeHost(String name) {
        String vm = s.vms().install(s.vms().template("Debian Bookworm 12"), name);
        s.vms().putOtherConfig(vm, "state", "clean");
        s.vms().snapshot(vm, "golden");
        s.vms().putOtherConfig(vm, "state", "dirty after tests");
        s.vms().start(vm);
        return vm;
    }

    @Test
    void everyHostIsRevertedToGoldenAndRunningAgain() {
        String a = qeHost("qe-c1-001");
        String b = qeHost("qe-c1-002");
        String c = qeHost("qe-c1-003");
        List<HostResult> results = new HostWipe(s, Duration.ofSeconds(10))
                .run(new WipePlan(List.of("qe-c1-001", "qe-c1-002", "qe-c1-003"), 2, 0, "golden"));
        assertThat(results).allMatch(r -> r instanceof HostResult.Reverted);
        assertThat(results).extracting(r -> ((HostResult.Reverted) r).wave()).containsExactly(1, 1, 2);
        for (String vm : List.of(a, b, c)) {
            assertThat(s.vms().powerState(vm)).isEqualTo(PowerState.RUNNING);
            assertThat(s.vms().record(vm).otherConfig()).containsEntry("state", "clean");
        }
    }

    @Test
    void failuresBeyondTheBudgetSkipTheRemainingWaves() {
        qeHost("qe-c1-001");
        sim.faults().failStartOf("qe-c1-001", "BOOTLOADER_FAILED");
        qeHost("qe-c1-003");
        List<HostResult> results = new HostWipe(s, Duration.ofSeconds(10))
                .run(new WipePlan(List.of("qe-c1-001", "qe-c1-002", "qe-c1-003"), 2, 0, "golden"));
        assertThat(results.get(0)).isInstanceOfSatisfying(HostResult.Failed.class,
                f -> assertThat(f.step()).isEqualTo("start"));
        assertThat(results.get(1)).isInstanceOfSatisfying(HostResult.Failed.class,
                f -> assertThat(f.reason()).contains("no VM named qe-c1-002"));
        assertThat(results.get(2)).isInstanceOf(HostResult.Skipped.class);
    }
}
