package io.inception.xen.api;

import io.inception.sandbox.xenapi.XenApiSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The XenAPI scenario every client must get the same answers to: login, clone a template,
 * provision, start, power state and guest metrics, snapshot, revert, shutdown, destroy, an invalid
 * handle and a bad power state. Run by Inception's client and by the official SDK against the
 * simulator, so the simulator answers as a real pool does for a client we did not write.
 */
abstract class XenApiContractTest {
    static XenApiSimulator sim;

    @BeforeAll
    static void startSimulator() {
        sim = XenApiSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    abstract XenDriver login(String url, String user, String password);

    abstract String name();

    @Test
    void vmLifecycleFromTemplateToDestroy() {
        try (XenDriver xen = login(sim.url(), sim.username(), sim.password())) {
            String vm = xen.installFromTemplate("Debian Bookworm 12", "contract-" + name());
            assertThat(vm).startsWith("OpaqueRef:");
            assertThat(xen.powerState(vm)).isEqualTo("halted");

            xen.start(vm);
            assertThat(xen.powerState(vm)).isEqualTo("running");
            assertThat(xen.guestIp(vm)).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");

            String snap = xen.snapshot(vm, "contract-" + name() + "-golden");
            assertThat(snap).startsWith("OpaqueRef:").isNotEqualTo(vm);

            xen.cleanShutdown(vm);
            assertThat(xen.powerState(vm)).isEqualTo("halted");
            xen.start(vm);
            xen.revert(snap);
            assertThat(xen.powerState(vm)).isEqualTo("halted");

            xen.destroy(snap);
            xen.destroy(vm);
            XenDriver.Failure gone = catchThrowableOfType(XenDriver.Failure.class, () -> xen.powerState(vm));
            assertThat(gone.description).containsExactly("HANDLE_INVALID", "VM", vm);
        }
    }

    @Test
    void anInvalidHandleIsReportedWithItsClassAndReference() {
        try (XenDriver xen = login(sim.url(), sim.username(), sim.password())) {
            XenDriver.Failure f = catchThrowableOfType(XenDriver.Failure.class,
                    () -> xen.powerState("OpaqueRef:00000000-0000-0000-0000-00000000dead"));
            assertThat(f.description).containsExactly("HANDLE_INVALID", "VM",
                    "OpaqueRef:00000000-0000-0000-0000-00000000dead");
        }
    }

    @Test
    void startingARunningVmIsABadPowerState() {
        try (XenDriver xen = login(sim.url(), sim.username(), sim.password())) {
            String vm = xen.installFromTemplate("Other install media", "contract-bad-state-" + name());
            xen.start(vm);
            XenDriver.Failure f = catchThrowableOfType(XenDriver.Failure.class, () -> xen.start(vm));
            assertThat(f.description).isEqualTo(List.of("VM_BAD_POWER_STATE", vm, "halted", "running"));
            XenDriver.Failure destroy = catchThrowableOfType(XenDriver.Failure.class, () -> xen.destroy(vm));
            assertThat(destroy.description.get(0)).isEqualTo("VM_BAD_POWER_STATE");
            xen.cleanShutdown(vm);
            xen.destroy(vm);
        }
    }
}
