package io.inception.sandbox.xenapi;

import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The power-state machine of VMs with the real API's rules and error codes. */
final class VmPower {
    private final SimPool pool;
    private final NestedHosts nested;

    VmPower(SimPool pool, NestedHosts nested) {
        this.pool = pool;
        this.nested = nested;
    }

    Object call(String op, XapiDb.Obj vm, List<Object> args) {
        return switch (op) {
            case "start" -> start(vm, Optional.empty(), arg(args, 0));
            case "start_on" -> start(vm, Optional.of(pool.db.get("host", Wire.str(args.get(0)))), arg(args, 1));
            case "clean_shutdown" -> halt(vm, List.of("Running"));
            case "hard_shutdown" -> halt(vm, List.of("Running", "Paused", "Suspended"));
            case "shutdown" -> halt(vm, List.of("Running", "Paused", "Suspended"));
            case "clean_reboot" -> reboot(vm, List.of("Running"));
            case "hard_reboot" -> reboot(vm, List.of("Running", "Paused"));
            case "pause" -> move(vm, "Running", "Paused");
            case "unpause" -> move(vm, "Paused", "Running");
            case "suspend" -> move(vm, "Running", "Suspended");
            case "resume", "resume_on" -> move(vm, "Suspended", arg(args, 0) ? "Paused" : "Running");
            default -> throw new XapiFailure("MESSAGE_METHOD_UNKNOWN", "VM." + op);
        };
    }

    private static boolean arg(List<Object> args, int i) {
        return args.size() > i && Wire.bool(args.get(i));
    }

    static void notTemplate(XapiDb.Obj vm) {
        if (Wire.bool(vm.fields().get("is_a_template"))) {
            throw new XapiFailure("VM_IS_TEMPLATE", vm.ref());
        }
    }

    static void require(XapiDb.Obj vm, String... allowed) {
        String state = vm.str("power_state");
        if (!List.of(allowed).contains(state)) {
            throw XapiFailure.badPowerState(vm.ref(), allowed[0], state);
        }
    }

    private Object start(XapiDb.Obj vm, Optional<XapiDb.Obj> on, boolean paused) {
        pool.db.lock().lock();
        try {
            notTemplate(vm);
            require(vm, "Halted");
            XapiDb.Obj host = pool.place(vm, on);
            String failure = pool.faults.startFailureFor(vm.str("name_label"));
            if (failure != null) {
                throw new XapiFailure(failure, vm.ref());
            }
            vm.fields().put("resident_on", host.ref());
            vm.fields().put("power_state", paused ? "Paused" : "Running");
            vm.fields().put("domid", 1L + pool.db.all("VM").stream().mapToLong(v -> v.num("domid")).max().orElse(0));
            updateMetrics(vm, host);
            pool.db.touched(vm);
            pool.refreshMetrics(host);
            return "";
        } finally {
            pool.db.lock().unlock();
        }
    }

    private void updateMetrics(XapiDb.Obj vm, XapiDb.Obj host) {
        Map<String, Object> metrics = new HashMap<>(Map.of("memory_actual", vm.num("memory_static_max"),
                "VCPUs_number", vm.num("VCPUs_max"), "start_time", new Date(0), "state", List.of("running")));
        XapiDb.Obj m = pool.db.create("VM_metrics", metrics);
        dropMetrics(vm);
        vm.fields().put("metrics", m.ref());
        Map<String, Object> networks = new LinkedHashMap<>();
        Map<String, Object> other = new LinkedHashMap<>();
        if (isNestedHost(vm)) {
            String address = nested.start(vm.ref(), vm.str("name_label"), vm.num("memory_static_max") - SimPool.GIB,
                    (int) vm.num("VCPUs_max"));
            networks.put("0/ip", address.substring(0, address.indexOf(':')));
            other.put("xenapi-address", address);
        } else {
            networks.put("0/ip", "10.77." + (vm.num("domid") / 250) + "." + (vm.num("domid") % 250 + 2));
        }
        XapiDb.Obj gm = pool.db.create("VM_guest_metrics", new HashMap<>(Map.of(
                "os_version", new LinkedHashMap<>(Map.of("name", vm.str("name_label"), "distro", "simulated")),
                "PV_drivers_version", new LinkedHashMap<>(Map.of("major", "9", "minor", "0")),
                "PV_drivers_up_to_date", true, "networks", networks, "other", other, "live", true)));
        vm.fields().put("guest_metrics", gm.ref());
    }

    private void dropMetrics(XapiDb.Obj vm) {
        for (String f : List.of("metrics", "guest_metrics")) {
            XapiDb.Obj old = pool.db.find(vm.str(f));
            if (old != null) {
                pool.db.destroy(old);
            }
            vm.fields().put(f, FieldCatalog.NULL_REF);
        }
    }

    /** A VM built from a XenServer template with nested virtualisation turned on. */
    static boolean isNestedHost(XapiDb.Obj vm) {
        Map<String, Object> platform = vm.map("platform");
        boolean nestedVirt = "true".equals(platform.get("nested-virt")) || "true".equals(platform.get("exp-nested-hvm"));
        Object base = vm.map("other_config").get("base_template_name");
        return nestedVirt && base != null && String.valueOf(base).startsWith("XenServer");
    }

    Object halt(XapiDb.Obj vm, List<String> from) {
        pool.db.lock().lock();
        try {
            require(vm, from.toArray(String[]::new));
            XapiDb.Obj host = pool.db.find(vm.str("resident_on"));
            if (isNestedHost(vm)) {
                nested.stop(vm.ref());
            }
            vm.fields().put("power_state", "Halted");
            vm.fields().put("resident_on", FieldCatalog.NULL_REF);
            vm.fields().put("domid", -1L);
            dropMetrics(vm);
            pool.db.touched(vm);
            if (host != null) {
                pool.refreshMetrics(host);
            }
            return "";
        } finally {
            pool.db.lock().unlock();
        }
    }

    private Object reboot(XapiDb.Obj vm, List<String> from) {
        pool.db.lock().lock();
        try {
            require(vm, from.toArray(String[]::new));
            vm.fields().put("power_state", "Running");
            pool.db.touched(vm);
            return "";
        } finally {
            pool.db.lock().unlock();
        }
    }

    private Object move(XapiDb.Obj vm, String from, String to) {
        pool.db.lock().lock();
        try {
            notTemplate(vm);
            require(vm, from);
            vm.fields().put("power_state", to);
            pool.db.touched(vm);
            return "";
        } finally {
            pool.db.lock().unlock();
        }
    }
}
