package io.inception.xen.lab;

import io.inception.xen.api.XenApi;
import io.inception.xen.api.XenSession;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Makes the VMs of one lab on its pool, recording each in the store as soon as it exists. */
final class LabBuilder {
    static final String TAG_LAB = "inception-lab";
    static final String TAG_OWNER = "inception-owner";
    static final String XENSERVER_TEMPLATE = "XenServer 8";
    private final LabStore store;
    private final Clock clock;

    LabBuilder(LabStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Builds {@code lab}; returns it READY. Throws on failure, leaving the made VMs recorded for cleanup. */
    Lab build(Lab lab, LabTemplate t, PhysicalPool pool, XenSession s) {
        List<Lab.LabVm> made = new ArrayList<>();
        List<String> hostVms = new ArrayList<>();
        for (int i = 1; i <= t.hosts().count(); i++) {
            String name = lab.id() + "-host-" + i;
            String vm = make(s, lab, XENSERVER_TEMPLATE, name, "nested-host", made, t.hosts().diskBytes());
            s.vms().setMemory(vm, t.hosts().memoryBytes());
            s.vms().setVcpus(vm, t.hosts().vcpus());
            s.vms().putPlatform(vm, "nested-virt", "true");
            s.vms().putPlatform(vm, "exp-nested-hvm", "true");
            hostVms.add(vm);
        }
        for (LabTemplate.ControlVm c : t.controlPlane()) {
            String vm = make(s, lab, c.template(), lab.id() + "-" + c.name(), "control-plane", made, 0);
            s.vms().setMemory(vm, c.memoryBytes());
            s.vms().setVcpus(vm, c.vcpus());
        }
        String network = LabNetworks.create(s, lab, t.network());
        for (Lab.LabVm vm : made) {
            LabNetworks.plug(s, vm.ref(), network);
            s.vms().start(vm.ref());
        }
        String master = "";
        List<String> addresses = new ArrayList<>();
        for (String vm : hostVms) {
            var gm = s.vms().guestMetrics(vm);
            addresses.add(gm.other().getOrDefault("xenapi-address", gm.ip()));
        }
        if (!addresses.isEmpty()) {
            master = addresses.get(0);
        }
        if (t.poolJoin()) {
            for (String member : addresses.subList(Math.min(1, addresses.size()), addresses.size())) {
                try (XenSession host = XenApi.connect("http://" + member + "/").withClock(clock)
                        .login(pool.username(), pool.password())) {
                    host.hosts().joinPool(master, pool.username(), pool.password());
                }
            }
        }
        Lab ready = lab.withVms(made, master, clock.instant()).withState(Lab.State.READY, "ready", clock.instant());
        store.save(ready);
        return ready;
    }

    private String make(XenSession s, Lab lab, String template, String name, String role, List<Lab.LabVm> made,
                        long diskBytes) {
        String vm = s.vms().cloneOf(s.vms().template(template), name);
        // tagged before anything else, so that the reaper finds it even if we die right here
        s.vms().putOtherConfig(vm, TAG_LAB, lab.id());
        s.vms().putOtherConfig(vm, TAG_OWNER, lab.owner());
        made.add(new Lab.LabVm(vm, name, role));
        store.save(lab.withVms(made, lab.masterAddress(), clock.instant()));
        if (diskBytes > 0) {
            // the provisioning spec xapi reads from other_config:disks when it makes a template's disks
            s.vms().putOtherConfig(vm, "disks", "<provision><disk device=\"0\" size=\"" + diskBytes
                    + "\" sr=\"\" bootable=\"true\" type=\"system\"/></provision>");
        }
        s.vms().provision(vm);
        s.call("VM.set_is_a_template", vm, false);
        return vm;
    }

    /** Removes every VM of {@code lab}: the recorded ones and any tagged with its id. */
    static List<String> teardown(Lab lab, XenSession s) {
        List<String> removed = new ArrayList<>();
        java.util.Set<String> refs = new java.util.LinkedHashSet<>();
        lab.vms().forEach(v -> refs.add(v.ref()));
        s.vms().taggedWith(TAG_LAB, lab.id()).forEach(r -> refs.add(r.ref()));
        for (String ref : refs) {
            s.vms().destroyWithDisks(ref);
            removed.add(ref);
        }
        removed.addAll(LabNetworks.destroy(s, lab.id()));
        return removed;
    }
}
