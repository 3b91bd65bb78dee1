package io.inception.xen.lab;

import io.inception.xen.api.XenApi;
import io.inception.xen.api.XenSession;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Makes the VMs of one lab on its pool as one operation (generation) on the lab: each VM is tagged
 * with the lab and the generation before anything else and recorded in the store at once; every
 * write is fenced by the generation, so a builder that lost the lab to a later operation stops at
 * its next write ({@link Stopped#superseded}).
 */
final class LabBuilder {
    static final String TAG_LAB = "inception-lab";
    static final String TAG_OWNER = "inception-owner";
    static final String TAG_GENERATION = "inception-lab-generation";
    static final String XENSERVER_TEMPLATE = "XenServer 8";
    private final LabStore store;
    private final Clock clock;
    private final long generation;
    private final BooleanSupplier stopping;

    /** Why a build stopped before the lab was ready: superseded by a later operation, or this node stopping. */
    static final class Stopped extends RuntimeException {
        final boolean superseded;

        Stopped(boolean superseded, String message) {
            super(message, null, false, false);
            this.superseded = superseded;
        }
    }

    LabBuilder(LabStore store, Clock clock, long generation, BooleanSupplier stopping) {
        this.store = store;
        this.clock = clock;
        this.generation = generation;
        this.stopping = stopping;
    }

    /** Builds {@code lab}; returns it READY. Throws on failure, leaving the made VMs recorded for cleanup. */
    Lab build(Lab lab, LabTemplate t, PhysicalPool pool, XenSession s) {
        int total = t.hosts().count() + t.controlPlane().size();
        List<Lab.LabVm> made = new ArrayList<>();
        List<String> hostVms = new ArrayList<>();
        for (int i = 1; i <= t.hosts().count(); i++) {
            String name = lab.id() + "-host-" + i;
            String vm = make(s, lab, XENSERVER_TEMPLATE, name, "nested-host", made, total, t.hosts().diskBytes());
            s.vms().setMemory(vm, t.hosts().memoryBytes());
            s.vms().setVcpus(vm, t.hosts().vcpus());
            s.vms().putPlatform(vm, "nested-virt", "true");
            s.vms().putPlatform(vm, "exp-nested-hvm", "true");
            hostVms.add(vm);
        }
        for (LabTemplate.ControlVm c : t.controlPlane()) {
            String vm = make(s, lab, c.template(), lab.id() + "-" + c.name(), "control-plane", made, total, 0);
            s.vms().setMemory(vm, c.memoryBytes());
            s.vms().setVcpus(vm, c.vcpus());
        }
        progress(lab.id(), made, "starting " + made.size() + " VMs");
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
            progress(lab.id(), made, "joining " + addresses.size() + " nested hosts into a pool");
            for (String member : addresses.subList(Math.min(1, addresses.size()), addresses.size())) {
                try (XenSession host = XenApi.connect("http://" + member + "/").withClock(clock)
                        .login(pool.username(), pool.password())) {
                    host.hosts().joinPool(master, pool.username(), pool.password());
                }
            }
        }
        String masterAddress = master;
        return write(lab.id(), l -> l.withVms(made, masterAddress, clock.instant())
                .withState(Lab.State.READY, "ready", clock.instant()));
    }

    private String make(XenSession s, Lab lab, String template, String name, String role, List<Lab.LabVm> made,
                        int total, long diskBytes) {
        if (stopping.getAsBoolean()) {
            throw new Stopped(false, "this node is stopping: " + made.size() + " of " + total + " VMs made");
        }
        String vm = s.vms().cloneOf(s.vms().template(template), name);
        // tagged before anything else, so that the reaper and a resumed build find it even if we die right here
        s.vms().putOtherConfig(vm, TAG_LAB, lab.id());
        s.vms().putOtherConfig(vm, TAG_GENERATION, String.valueOf(generation));
        s.vms().putOtherConfig(vm, TAG_OWNER, lab.owner());
        made.add(new Lab.LabVm(vm, name, role));
        progress(lab.id(), made, "building: " + made.size() + " of " + total + " VMs made");
        if (diskBytes > 0) {
            // the provisioning spec xapi reads from other_config:disks when it makes a template's disks
            s.vms().putOtherConfig(vm, "disks", "<provision><disk device=\"0\" size=\"" + diskBytes
                    + "\" sr=\"\" bootable=\"true\" type=\"system\"/></provision>");
        }
        s.vms().provision(vm);
        s.call("VM.set_is_a_template", vm, false);
        return vm;
    }

    private void progress(String id, List<Lab.LabVm> made, String message) {
        List<Lab.LabVm> vms = List.copyOf(made);
        write(id, l -> l.withVms(vms, l.masterAddress(), clock.instant()).withState(Lab.State.CREATING, message,
                clock.instant()));
    }

    private Lab write(String id, java.util.function.UnaryOperator<Lab> change) {
        return store.update(id, generation, change).orElseThrow(() -> new Stopped(true,
                "lab " + id + " is now owned by a later operation (generation " + generation + " superseded)"));
    }

    /** Removes every VM of {@code lab}: the recorded ones and any tagged with its id, and its networks. */
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

    /** Removes the VMs one operation (generation) of the lab made; a superseded builder's own cleanup. */
    static List<String> teardownGeneration(String labId, long generation, XenSession s) {
        List<String> removed = new ArrayList<>();
        for (var vm : s.vms().taggedWith(TAG_LAB, labId)) {
            if (String.valueOf(generation).equals(vm.otherConfig().get(TAG_GENERATION))) {
                s.vms().destroyWithDisks(vm.ref());
                removed.add(vm.ref());
            }
        }
        return removed;
    }
}
