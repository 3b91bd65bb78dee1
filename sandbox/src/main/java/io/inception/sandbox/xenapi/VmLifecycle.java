package io.inception.sandbox.xenapi;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** VM calls that make, copy or remove VMs and disks: clone, provision, snapshot, revert, destroy, migrate. */
final class VmLifecycle {
    private static final Pattern DISK_SIZE = Pattern.compile("size=\"(\\d+)\"");
    private final SimPool pool;
    private final VmPower power;

    VmLifecycle(SimPool pool, VmPower power) {
        this.pool = pool;
        this.power = power;
    }

    /** Returns null when {@code op} is not one of these calls. */
    Object call(String op, XapiDb.Obj vm, List<Object> args) {
        pool.db.lock().lock();
        try {
            return switch (op) {
                case "clone", "copy" -> copyOf(vm, Wire.str(args.get(0)), false).ref();
                case "snapshot" -> snapshot(vm, Wire.str(args.get(0)));
                case "revert" -> revert(vm);
                case "provision" -> provision(vm);
                case "destroy" -> destroy(vm);
                case "assert_can_migrate" -> assertCanMigrate(vm, args);
                case "migrate_send" -> migrate(vm, destination(args));
                case "pool_migrate" -> migrate(vm, pool.db.get("host", Wire.str(args.get(0))));
                default -> null;
            };
        } finally {
            pool.db.lock().unlock();
        }
    }

    private XapiDb.Obj copyOf(XapiDb.Obj vm, String name, boolean snapshot) {
        if (!snapshot) {
            VmPower.require(vm, "Halted");
        }
        Map<String, Object> f = Wire.deepCopy(vm.fields());
        f.remove("uuid");
        f.put("name_label", name);
        f.put("power_state", "Halted");
        f.put("resident_on", FieldCatalog.NULL_REF);
        f.put("metrics", FieldCatalog.NULL_REF);
        f.put("guest_metrics", FieldCatalog.NULL_REF);
        f.put("VBDs", new ArrayList<>());
        f.put("VIFs", new ArrayList<>());
        f.put("snapshots", new ArrayList<>());
        f.put("domid", -1L);
        @SuppressWarnings("unchecked")
        Map<String, Object> oc = (Map<String, Object>) f.get("other_config");
        if (Wire.bool(vm.fields().get("is_a_template")) && !oc.containsKey("base_template_name")) {
            oc.put("base_template_name", vm.str("name_label"));
        }
        if (snapshot) {
            f.put("is_a_template", true);
            f.put("is_a_snapshot", true);
            f.put("snapshot_of", vm.ref());
            f.put("snapshot_time", new Date(0));
        } else {
            f.put("is_a_snapshot", false);
            f.put("snapshot_of", FieldCatalog.NULL_REF);
        }
        XapiDb.Obj copy = pool.db.create("VM", f);
        for (Object vbdRef : vm.set("VBDs")) {
            XapiDb.Obj vbd = pool.db.get("VBD", Wire.str(vbdRef));
            XapiDb.Obj vdi = pool.db.find(vbd.str("VDI"));
            String newVdi = vdi == null ? FieldCatalog.NULL_REF : cloneVdi(vdi, snapshot).ref();
            attach(copy, newVdi, vbd.str("userdevice"), vbd.str("type"));
        }
        for (Object vifRef : vm.set("VIFs")) {
            XapiDb.Obj vif = pool.db.get("VIF", Wire.str(vifRef));
            XapiDb.Obj nv = pool.db.create("VIF", new HashMap<>(Map.of("VM", copy.ref(), "network", vif.str("network"),
                    "device", vif.str("device"), "MAC", vif.str("MAC"))));
            copy.set("VIFs").add(nv.ref());
        }
        return copy;
    }

    private XapiDb.Obj cloneVdi(XapiDb.Obj vdi, boolean snapshot) {
        Map<String, Object> f = Wire.deepCopy(vdi.fields());
        f.remove("uuid");
        f.put("VBDs", new ArrayList<>());
        f.put("is_a_snapshot", snapshot);
        f.put("snapshot_of", snapshot ? vdi.ref() : FieldCatalog.NULL_REF);
        XapiDb.Obj copy = pool.db.create("VDI", f);
        XapiDb.Obj sr = pool.db.get("SR", vdi.str("SR"));
        sr.set("VDIs").add(copy.ref());
        return copy;
    }

    XapiDb.Obj attach(XapiDb.Obj vm, String vdiRef, String device, String type) {
        XapiDb.Obj vbd = pool.db.create("VBD", new HashMap<>(Map.of("VM", vm.ref(), "VDI", vdiRef,
                "userdevice", device, "type", type, "mode", "RW", "bootable", "0".equals(device))));
        vm.set("VBDs").add(vbd.ref());
        XapiDb.Obj vdi = pool.db.find(vdiRef);
        if (vdi != null) {
            vdi.set("VBDs").add(vbd.ref());
        }
        pool.db.touched(vm);
        return vbd;
    }

    private Object snapshot(XapiDb.Obj vm, String name) {
        VmPower.notTemplate(vm);
        XapiDb.Obj snap = copyOf(vm, name, true);
        vm.set("snapshots").add(snap.ref());
        pool.db.touched(vm);
        return snap.ref();
    }

    /** Reverting to a disk snapshot leaves the VM halted with the snapshot's disks and settings. */
    private Object revert(XapiDb.Obj snapshot) {
        if (!Wire.bool(snapshot.fields().get("is_a_snapshot"))) {
            throw new XapiFailure("VM_REVERT_FAILED", snapshot.ref(), "not a snapshot");
        }
        XapiDb.Obj vm = pool.db.find(snapshot.str("snapshot_of"));
        if (vm == null) {
            throw new XapiFailure("VM_REVERT_FAILED", snapshot.ref(), "the VM of this snapshot no longer exists");
        }
        if (!"Halted".equals(vm.str("power_state"))) {
            power.halt(vm, List.of("Running", "Paused", "Suspended"));
        }
        for (Object vbdRef : List.copyOf(vm.set("VBDs"))) {
            XapiDb.Obj vbd = pool.db.get("VBD", Wire.str(vbdRef));
            destroyVdi(pool.db.find(vbd.str("VDI")));
            pool.db.destroy(vbd);
        }
        vm.set("VBDs").clear();
        for (Object vbdRef : snapshot.set("VBDs")) {
            XapiDb.Obj vbd = pool.db.get("VBD", Wire.str(vbdRef));
            XapiDb.Obj vdi = pool.db.find(vbd.str("VDI"));
            attach(vm, vdi == null ? FieldCatalog.NULL_REF : cloneVdi(vdi, false).ref(),
                    vbd.str("userdevice"), vbd.str("type"));
        }
        for (String f : List.of("other_config", "platform", "xenstore_data", "memory_static_max",
                "memory_dynamic_max", "VCPUs_max", "VCPUs_at_startup")) {
            Object v = snapshot.fields().get(f);
            vm.fields().put(f, v instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : v);
        }
        pool.db.touched(vm);
        return "";
    }

    private Object provision(XapiDb.Obj vm) {
        boolean hasDisk = vm.set("VBDs").stream().anyMatch(r -> "Disk".equals(pool.db.get("VBD", Wire.str(r)).str("type")));
        if (hasDisk) {
            return "";
        }
        String disks = Wire.str(vm.map("other_config").get("disks"));
        Matcher m = DISK_SIZE.matcher(disks);
        long size = m.find() ? Long.parseLong(m.group(1)) : 8 * SimPool.GIB;
        XapiDb.Obj pl = pool.db.all("pool").get(0);
        XapiDb.Obj sr = pool.db.get("SR", pl.str("default_SR"));
        long used = sr.num("physical_utilisation");
        if (used + size > sr.num("physical_size")) {
            throw new XapiFailure("SR_BACKEND_FAILURE_44", "", "There is insufficient space", "");
        }
        XapiDb.Obj vdi = pool.db.create("VDI", new HashMap<>(Map.of("name_label", vm.str("name_label") + " 0",
                "SR", sr.ref(), "virtual_size", size, "physical_utilisation", size, "type", "system")));
        sr.set("VDIs").add(vdi.ref());
        pool.db.set(sr, "physical_utilisation", used + size);
        attach(vm, vdi.ref(), "0", "Disk");
        return "";
    }

    private Object destroy(XapiDb.Obj vm) {
        VmPower.require(vm, "Halted", "Suspended");
        for (Object vbd : vm.set("VBDs")) {
            XapiDb.Obj o = pool.db.find(Wire.str(vbd));
            if (o != null) {
                XapiDb.Obj vdi = pool.db.find(o.str("VDI"));
                if (vdi != null) {
                    vdi.set("VBDs").remove(o.ref());
                }
                pool.db.destroy(o);
            }
        }
        for (Object vif : vm.set("VIFs")) {
            XapiDb.Obj o = pool.db.find(Wire.str(vif));
            if (o != null) {
                pool.db.destroy(o);
            }
        }
        XapiDb.Obj parent = pool.db.find(vm.str("snapshot_of"));
        if (parent != null) {
            parent.set("snapshots").remove(vm.ref());
            pool.db.touched(parent);
        }
        for (String f : List.of("metrics", "guest_metrics")) {
            XapiDb.Obj o = pool.db.find(vm.str(f));
            if (o != null) {
                pool.db.destroy(o);
            }
        }
        pool.db.destroy(vm);
        return "";
    }

    void destroyVdi(XapiDb.Obj vdi) {
        if (vdi == null) {
            return;
        }
        XapiDb.Obj sr = pool.db.find(vdi.str("SR"));
        if (sr != null) {
            sr.set("VDIs").remove(vdi.ref());
            pool.db.set(sr, "physical_utilisation", Math.max(0, sr.num("physical_utilisation") - vdi.num("physical_utilisation")));
        }
        pool.db.destroy(vdi);
    }

    private XapiDb.Obj destination(List<Object> args) {
        Object dest = args.get(0);
        String host = dest instanceof Map<?, ?> m ? Wire.str(m.get("host")) : "";
        return pool.db.get("host", host);
    }

    private Object assertCanMigrate(XapiDb.Obj vm, List<Object> args) {
        VmPower.require(vm, "Running");
        XapiDb.Obj host = destination(args);
        pool.place(vm, java.util.Optional.of(host));
        return "";
    }

    private Object migrate(XapiDb.Obj vm, XapiDb.Obj host) {
        VmPower.notTemplate(vm);
        VmPower.require(vm, "Running");
        XapiDb.Obj from = pool.db.find(vm.str("resident_on"));
        if (from != null && from.ref().equals(host.ref())) {
            throw new XapiFailure("OPERATION_NOT_ALLOWED", "the VM is already on this host");
        }
        pool.place(vm, java.util.Optional.of(host));
        pool.db.set(vm, "resident_on", host.ref());
        pool.refreshMetrics(host);
        if (from != null) {
            pool.refreshMetrics(from);
        }
        return vm.ref();
    }
}
