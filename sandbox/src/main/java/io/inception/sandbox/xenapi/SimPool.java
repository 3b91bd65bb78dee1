package io.inception.sandbox.xenapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The state of one simulated pool: its objects, sessions, capacity and credentials. */
final class SimPool {
    static final long GIB = 1024L * 1024 * 1024;
    final XapiDb db;
    final String username;
    final String password;
    final String address;
    final Faults faults;
    private final Map<String, XapiDb.Obj> sessions = new ConcurrentHashMap<>();
    volatile String masterAddress; // set when this (nested) host joined another pool

    SimPool(XenApiSimulator.PoolSpec spec, String address, Faults faults) {
        this.db = new XapiDb(spec.seed());
        this.username = spec.username();
        this.password = spec.password();
        this.address = address;
        this.faults = faults;
        populate(spec);
    }

    private void populate(XenApiSimulator.PoolSpec spec) {
        XapiDb.Obj sr = db.create("SR", Map.of("name_label", "Shared storage", "type", "nfs", "shared", true,
                "physical_size", spec.storageBytes(), "physical_utilisation", 0L, "content_type", "user"));
        db.create("network", Map.of("name_label", "Pool-wide network associated with eth0",
                "bridge", "xenbr0", "MTU", 1500L));
        XapiDb.Obj master = null;
        for (XenApiSimulator.HostSpec h : spec.hosts()) {
            XapiDb.Obj host = addHost(h.name(), address, h.memoryBytes(), h.cpus());
            if (master == null) {
                master = host;
            }
        }
        db.create("pool", new HashMap<>(Map.of("name_label", spec.name(), "master", master.ref(),
                "default_SR", sr.ref(), "suspend_image_SR", sr.ref(), "crash_dump_SR", sr.ref())));
        template("Other install media", 2 * GIB, 2, Map.of());
        template("Debian Bookworm 12", 2 * GIB, 2, Map.of());
        template("XenServer 8", 8 * GIB, 4, Map.of("install-methods", "cdrom"));
    }

    XapiDb.Obj addHost(String name, String hostAddress, long memory, int cpus) {
        XapiDb.Obj metrics = db.create("host_metrics", Map.of("memory_total", memory, "memory_free", memory,
                "live", true, "last_updated", new Date(0)));
        Map<String, Object> f = new HashMap<>();
        f.put("name_label", name);
        f.put("hostname", name);
        f.put("address", hostAddress);
        f.put("enabled", true);
        f.put("metrics", metrics.ref());
        f.put("API_version_major", 2L);
        f.put("API_version_minor", 15L);
        f.put("API_version_vendor", "XenSource");
        f.put("software_version", new LinkedHashMap<>(Map.of("product_brand", "XenServer",
                "product_version", "8.4.0", "platform_name", "XCP")));
        f.put("cpu_info", new LinkedHashMap<>(Map.of("cpu_count", String.valueOf(cpus),
                "vendor", "GenuineIntel", "features_hvm", "nested-virt")));
        f.put("memory_overhead", 0L);
        return db.create("host", f);
    }

    private void template(String name, long memory, int vcpus, Map<String, Object> otherConfig) {
        Map<String, Object> f = new HashMap<>();
        f.put("name_label", name);
        f.put("name_description", "Template " + name + " (simulated)");
        f.put("is_a_template", true);
        f.put("memory_static_max", memory);
        f.put("memory_dynamic_max", memory);
        f.put("memory_dynamic_min", memory);
        f.put("memory_static_min", memory / 2);
        f.put("VCPUs_max", (long) vcpus);
        f.put("VCPUs_at_startup", (long) vcpus);
        Map<String, Object> oc = new LinkedHashMap<>(otherConfig);
        oc.put("disks", "<provision><disk device=\"0\" size=\"" + (16 * GIB)
                + "\" sr=\"\" bootable=\"true\" type=\"system\"/></provision>");
        f.put("other_config", oc);
        f.put("platform", new LinkedHashMap<>(Map.of("viridian", "false", "acpi", "1")));
        f.put("HVM_boot_policy", "BIOS order");
        f.put("actions_after_shutdown", "destroy");
        db.create("VM", f);
    }

    // ----- sessions -----

    String login(String user, String pass) {
        if (!username.equals(user) || !password.equals(pass)) {
            throw new XapiFailure("SESSION_AUTHENTICATION_FAILED", user, "Authentication failure");
        }
        XapiDb.Obj host = master();
        XapiDb.Obj s = db.create("session", Map.of("this_host", host.ref(), "last_active", new Date(0),
                "originator", "", "is_local_superuser", true));
        sessions.put(s.ref(), s);
        return s.ref();
    }

    void checkSession(String ref) {
        if (faults.consumeSessionExpiry()) {
            sessions.clear();
        }
        if (!sessions.containsKey(ref)) {
            throw new XapiFailure("SESSION_INVALID", ref);
        }
    }

    void logout(String ref) {
        XapiDb.Obj s = sessions.remove(ref);
        if (s != null) {
            db.destroy(s);
        }
    }

    void expireAllSessions() {
        sessions.clear();
    }

    // ----- capacity -----

    XapiDb.Obj master() {
        XapiDb.Obj pool = db.all("pool").get(0);
        return db.get("host", pool.str("master"));
    }

    long freeMemory(XapiDb.Obj host) {
        XapiDb.Obj metrics = db.get("host_metrics", host.str("metrics"));
        long used = residents(host).stream().mapToLong(vm -> vm.num("memory_static_max")).sum();
        return metrics.num("memory_total") - used;
    }

    long freeVcpus(XapiDb.Obj host) {
        long cpus = Long.parseLong(String.valueOf(host.map("cpu_info").get("cpu_count")));
        long used = residents(host).stream().mapToLong(vm -> vm.num("VCPUs_max")).sum();
        return cpus * 4 - used; // 4:1 overcommit, as a pool operator would allow
    }

    List<XapiDb.Obj> residents(XapiDb.Obj host) {
        return db.all("VM").stream().filter(vm -> host.ref().equals(vm.str("resident_on"))
                && !"Halted".equals(vm.str("power_state"))).toList();
    }

    /** The host with the most free memory that fits {@code vm}, or the failure a real pool gives. */
    XapiDb.Obj place(XapiDb.Obj vm, Optional<XapiDb.Obj> only) {
        long needed = vm.num("memory_static_max");
        List<XapiDb.Obj> candidates = only.map(List::of).orElseGet(() -> db.all("host").stream()
                .filter(h -> Wire.bool(h.fields().get("enabled"))).toList());
        long best = 0;
        XapiDb.Obj chosen = null;
        boolean cpuShort = false;
        for (XapiDb.Obj h : candidates.stream().sorted(Comparator.comparingLong(this::freeMemory).reversed()).toList()) {
            long free = freeMemory(h);
            best = Math.max(best, free);
            if (free >= needed) {
                if (freeVcpus(h) >= vm.num("VCPUs_max")) {
                    chosen = h;
                    break;
                }
                cpuShort = true;
            }
        }
        if (chosen != null) {
            return chosen;
        }
        if (cpuShort) {
            throw new XapiFailure("NO_HOSTS_AVAILABLE");
        }
        throw new XapiFailure("HOST_NOT_ENOUGH_FREE_MEMORY", String.valueOf(needed), String.valueOf(best));
    }

    void refreshMetrics(XapiDb.Obj host) {
        XapiDb.Obj metrics = db.get("host_metrics", host.str("metrics"));
        db.set(metrics, "memory_free", freeMemory(host));
    }
}
