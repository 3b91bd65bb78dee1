package io.inception.xen.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** VM calls of one session, typed: refs are strings ({@code OpaqueRef:...}), records are {@link VmRecord}s. */
public final class Vms {
    private static final Duration TASK_TIMEOUT = Duration.ofMinutes(10);
    private final XenSession s;

    Vms(XenSession s) {
        this.s = s;
    }

    public VmRecord record(String vm) {
        return VmRecord.of(vm, map(s.call("VM.get_record", vm)));
    }

    public List<String> byNameLabel(String name) {
        return refs(s.call("VM.get_by_name_label", name));
    }

    /** The single template called {@code name}. */
    public String template(String name) {
        List<String> all = byNameLabel(name).stream().filter(r -> record(r).template()).toList();
        if (all.isEmpty()) {
            throw XenApiException.of(List.of("TEMPLATE_NOT_FOUND", name));
        }
        return all.get(0);
    }

    /** VMs and templates (not snapshots) whose other_config has {@code key=value}. */
    public List<VmRecord> taggedWith(String key, String value) {
        Map<String, Object> all = map(s.call("VM.get_all_records_where",
                "field \"is_a_snapshot\"=\"false\""));
        List<VmRecord> out = new ArrayList<>();
        all.forEach((ref, rec) -> {
            VmRecord r = VmRecord.of(ref, map(rec));
            if (value.equals(r.otherConfig().get(key)) || (value.equals("*") && r.otherConfig().containsKey(key))) {
                out.add(r);
            }
        });
        return out;
    }

    /** Clones {@code template} (async, task awaited) and provisions its disks; the result is a VM, not a template. */
    public String install(String template, String name) {
        String vm = s.callAsync(TASK_TIMEOUT, "VM.clone", template, name);
        s.callAsync(TASK_TIMEOUT, "VM.provision", vm);
        s.call("VM.set_is_a_template", vm, false);
        return vm;
    }

    public String cloneOf(String vm, String name) {
        return s.callAsync(TASK_TIMEOUT, "VM.clone", vm, name);
    }

    public void provision(String vm) {
        s.callAsync(TASK_TIMEOUT, "VM.provision", vm);
    }

    public void setMemory(String vm, long bytes) {
        s.call("VM.set_memory_limits", vm, String.valueOf(bytes / 2), String.valueOf(bytes), String.valueOf(bytes),
                String.valueOf(bytes));
    }

    public void setVcpus(String vm, long n) {
        s.call("VM.set_VCPUs_max", vm, String.valueOf(n));
        s.call("VM.set_VCPUs_at_startup", vm, String.valueOf(n));
    }

    public void putOtherConfig(String vm, String key, String value) {
        s.call("VM.remove_from_other_config", vm, key);
        s.call("VM.add_to_other_config", vm, key, value);
    }

    public void putPlatform(String vm, String key, String value) {
        s.call("VM.remove_from_platform", vm, key);
        s.call("VM.add_to_platform", vm, key, value);
    }

    public void start(String vm) {
        s.callAsync(TASK_TIMEOUT, "VM.start", vm, false, false);
    }

    public void startOn(String vm, String host) {
        s.callAsync(TASK_TIMEOUT, "VM.start_on", vm, host, false, false);
    }

    public void cleanShutdown(String vm) {
        s.callAsync(TASK_TIMEOUT, "VM.clean_shutdown", vm);
    }

    public void hardShutdown(String vm) {
        s.callAsync(TASK_TIMEOUT, "VM.hard_shutdown", vm);
    }

    public String snapshot(String vm, String name) {
        return s.callAsync(TASK_TIMEOUT, "VM.snapshot", vm, name);
    }

    public void revert(String snapshot) {
        s.callAsync(TASK_TIMEOUT, "VM.revert", snapshot);
    }

    public PowerState powerState(String vm) {
        return PowerState.of(s.call("VM.get_power_state", vm));
    }

    /** Waits (through event.from) until {@code vm} reaches {@code state}. */
    public VmRecord awaitPowerState(String vm, PowerState state, Duration timeout) {
        Map<String, Object> r = s.awaitRecord("VM", vm, rec -> state.wire().equals(rec.get("power_state")), timeout,
                "VM " + vm + " reaching " + state.wire());
        return VmRecord.of(vm, r);
    }

    /** Guest metrics, or empty metrics while the VM has none (halted, or no agent yet). */
    public GuestMetrics guestMetrics(String vm) {
        String gm = String.valueOf(s.call("VM.get_guest_metrics", vm));
        if (gm.isEmpty() || gm.equals("OpaqueRef:NULL")) {
            return new GuestMetrics(Map.of(), Map.of(), Map.of(), false);
        }
        Map<String, Object> r = map(s.call("VM_guest_metrics.get_record", gm));
        return new GuestMetrics(VmRecord.strings(r.get("os_version")), VmRecord.strings(r.get("networks")),
                VmRecord.strings(r.get("other")), Boolean.TRUE.equals(r.get("PV_drivers_up_to_date")));
    }

    /** Halts {@code vm} if needed, destroys it and the disks only it used. Idempotent: a missing VM is fine. */
    public void destroyWithDisks(String vm) {
        VmRecord r;
        try {
            r = record(vm);
        } catch (XenApiException.HandleInvalid gone) {
            return;
        }
        if (r.powerState() != PowerState.HALTED) {
            hardShutdown(vm);
        }
        List<String> vdis = new ArrayList<>();
        for (String vbd : refs(s.call("VM.get_VBDs", vm))) {
            Map<String, Object> b = map(s.call("VBD.get_record", vbd));
            if ("Disk".equals(b.get("type")) && !"OpaqueRef:NULL".equals(b.get("VDI"))) {
                vdis.add(String.valueOf(b.get("VDI")));
            }
        }
        for (String snap : refs(s.call("VM.get_snapshots", vm))) {
            destroyWithDisks(snap);
        }
        s.callAsync(TASK_TIMEOUT, "VM.destroy", vm);
        for (String vdi : vdis) {
            try {
                s.call("VDI.destroy", vdi);
            } catch (XenApiException e) {
                if (!"HANDLE_INVALID".equals(e.code()) && !"VDI_IN_USE".equals(e.code())) {
                    throw e;
                }
            }
        }
    }

    public void destroy(String vm) {
        s.callAsync(TASK_TIMEOUT, "VM.destroy", vm);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    static List<String> refs(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof Object[] a) {
            for (Object x : a) {
                out.add(String.valueOf(x));
            }
        }
        return out;
    }
}
