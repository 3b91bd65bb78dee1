package io.inception.xen.wipe;

import io.inception.xen.api.PowerState;
import io.inception.xen.api.VmRecord;
import io.inception.xen.api.XenApiException;
import io.inception.xen.api.XenSession;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reverts QE compute hosts that run as VMs on a XenServer pool to their golden snapshot, wave by
 * wave: each host VM is reverted, started, and awaited running (through event.from). When the
 * failures exceed the budget, the remaining waves are skipped.
 */
public final class HostWipe {
    private final XenSession session;
    private final Duration bootTimeout;

    public HostWipe(XenSession session, Duration bootTimeout) {
        this.session = session;
        this.bootTimeout = bootTimeout;
    }

    public List<HostResult> run(WipePlan plan) {
        List<HostResult> results = new ArrayList<>();
        int failures = 0;
        int wave = 0;
        for (List<String> hosts : plan.waves()) {
            wave++;
            if (failures > plan.failureBudget()) {
                for (String h : hosts) {
                    results.add(new HostResult.Skipped(h, "failure budget of " + plan.failureBudget()
                            + " used up (" + failures + " failed)"));
                }
                continue;
            }
            for (String h : hosts) {
                HostResult r = wipe(h, plan.goldenSnapshot(), wave);
                if (r instanceof HostResult.Failed) {
                    failures++;
                }
                results.add(r);
            }
        }
        return results;
    }

    private HostResult wipe(String host, String golden, int wave) {
        String step = "find the host VM";
        try {
            List<String> vms = session.vms().byNameLabel(host).stream()
                    .filter(r -> !session.vms().record(r).template()).toList();
            if (vms.size() != 1) {
                return new HostResult.Failed(host, step, vms.isEmpty() ? "no VM named " + host
                        : vms.size() + " VMs named " + host, wave);
            }
            String vm = vms.get(0);
            step = "find the golden snapshot";
            String snapshot = null;
            for (Object ref : (Object[]) session.call("VM.get_snapshots", vm)) {
                VmRecord snap = session.vms().record(String.valueOf(ref));
                if (snap.nameLabel().equals(golden)) {
                    snapshot = snap.ref();
                }
            }
            if (snapshot == null) {
                return new HostResult.Failed(host, step, "VM " + host + " has no snapshot named " + golden, wave);
            }
            step = "revert";
            session.vms().revert(snapshot);
            step = "start";
            session.vms().start(vm);
            step = "wait until running";
            session.vms().awaitPowerState(vm, PowerState.RUNNING, bootTimeout);
            return new HostResult.Reverted(host, golden, wave);
        } catch (XenApiException e) {
            return new HostResult.Failed(host, step, e.getMessage(), wave);
        }
    }
}
