package io.inception.xen.api;

import io.inception.engine.merge.Secret;
import io.inception.sandbox.xenapi.XenApiSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client against the simulator when things go wrong, and nested hosts joining a pool. */
class XenClientFailuresTest {
    static XenApiSimulator sim;

    @BeforeAll
    static void start() {
        sim = XenApiSimulator.start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    XenSession login() {
        return XenApi.connect(sim.url()).login(sim.username(), sim.password());
    }

    @Test
    void aSessionThatExpiresMidOperationLogsInAgainAndFinishes() {
        try (XenSession s = login()) {
            sim.faults().expireSessionsAfter(2);
            String vm = s.vms().install(s.vms().template("Other install media"), "expiring-session");
            s.vms().start(vm);
            assertThat(s.vms().powerState(vm)).isEqualTo(PowerState.RUNNING);
            assertThat(s.logins()).isEqualTo(2);
            s.vms().destroyWithDisks(vm);
            assertThat(s.vms().byNameLabel("expiring-session")).isEmpty();
        }
    }

    @Test
    void aVmBiggerThanAnyHostIsRefusedWithTheMemoryNeededAndFree() {
        try (XenSession s = login()) {
            String vm = s.vms().install(s.vms().template("Other install media"), "too-big");
            s.vms().setMemory(vm, 1024L << 30);
            XenApiException.NotEnoughMemory e = catchThrowableOfType(XenApiException.NotEnoughMemory.class,
                    () -> s.vms().start(vm));
            assertThat(e.needed()).isEqualTo(1024L << 30);
            assertThat(e.available()).isPositive().isLessThan(1024L << 30);
            assertThat(e.isTransient()).isFalse();
            s.vms().destroyWithDisks(vm);
        }
    }

    @Test
    void aStartThatFailsIsReportedWithItsCode() {
        try (XenSession s = login()) {
            sim.faults().failStartOf("doomed", "BOOTLOADER_FAILED");
            String vm = s.vms().install(s.vms().template("Other install media"), "doomed-1");
            XenApiException e = catchThrowableOfType(XenApiException.class, () -> s.vms().start(vm));
            assertThat(e.code()).isEqualTo("BOOTLOADER_FAILED");
            assertThat(s.vms().powerState(vm)).isEqualTo(PowerState.HALTED);
            s.vms().destroyWithDisks(vm);
        }
    }

    @Test
    void waitingForAPowerStateThatNeverComesTimesOutSayingWhat() {
        try (XenSession s = login()) {
            String vm = s.vms().install(s.vms().template("Other install media"), "never-runs");
            XenApiException e = catchThrowableOfType(XenApiException.class,
                    () -> s.vms().awaitPowerState(vm, PowerState.RUNNING, Duration.ofMillis(300)));
            assertThat(e.code()).isEqualTo("TIMEOUT");
            assertThat(e.getMessage()).contains(vm, "Running");
            s.vms().destroyWithDisks(vm);
        }
    }

    @Test
    void aPendingTaskCanBeCancelledAndItsWorkIsNotDone() {
        try (XenSession s = login()) {
            String vm = s.vms().install(s.vms().template("Other install media"), "cancelled-start");
            sim.faults().taskDelay(60_000);
            String task = s.startAsync("VM.start", vm, false, false);
            assertThat(s.taskProgress(task)).isZero();
            s.cancelTask(task);
            XenApiException e = catchThrowableOfType(XenApiException.class, () -> s.awaitTask(task, Duration.ofSeconds(5)));
            assertThat(e.code()).isEqualTo("TASK_CANCELLED");
            assertThat(s.vms().powerState(vm)).isEqualTo(PowerState.HALTED);
            sim.faults().taskDelay(20);
            s.vms().destroyWithDisks(vm);
        }
    }

    @Test
    void nestedXenServerHostsHaveTheirOwnXenApiAndJoinAPool() {
        try (XenSession s = login()) {
            String a = nestedHost(s, "lab-host-a");
            String b = nestedHost(s, "lab-host-b");
            String addressA = s.vms().guestMetrics(a).other().get("xenapi-address");
            String addressB = s.vms().guestMetrics(b).other().get("xenapi-address");
            assertThat(addressA).startsWith("127.0.0.1:").isNotEqualTo(addressB);

            try (XenSession hostB = XenApi.connect("http://" + addressB + "/").login(sim.username(), sim.password())) {
                assertThat(hostB.hosts().all()).hasSize(1);
                hostB.hosts().joinPool(addressA, sim.username(), new Secret(sim.password()));
            }
            try (XenSession master = XenApi.connect("http://" + addressA + "/").login(sim.username(), sim.password())) {
                assertThat(master.hosts().all()).extracting(Hosts.HostInfo::name)
                        .containsExactlyInAnyOrder("lab-host-a", "lab-host-b");
            }
            XenApiException slave = catchThrowableOfType(XenApiException.class,
                    () -> XenApi.connect("http://" + addressB + "/").login(sim.username(), sim.password()));
            assertThat(slave.code()).isEqualTo("HOST_IS_SLAVE");
            assertThat(slave.params()).isEqualTo(List.of(addressA));

            s.vms().destroyWithDisks(a);
            s.vms().destroyWithDisks(b);
            assertThat(sim.nestedHostAddresses()).isEmpty();
        }
    }

    private static String nestedHost(XenSession s, String name) {
        String vm = s.vms().install(s.vms().template("XenServer 8"), name);
        s.vms().putPlatform(vm, "nested-virt", "true");
        s.vms().start(vm);
        return vm;
    }
}
