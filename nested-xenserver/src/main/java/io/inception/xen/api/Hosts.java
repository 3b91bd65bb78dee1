package io.inception.xen.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hosts of the pool with their capacity. */
public final class Hosts {
    /** One host: reference, name, address, free memory and CPU count. */
    public record HostInfo(String ref, String name, String address, long freeMemory, int cpus) {
    }

    private final XenSession s;

    Hosts(XenSession s) {
        this.s = s;
    }

    public List<HostInfo> all() {
        List<HostInfo> out = new ArrayList<>();
        Map<String, Object> all = Vms.map(s.call("host.get_all_records"));
        all.forEach((ref, rec) -> {
            Map<String, Object> r = Vms.map(rec);
            long free = VmRecord.num(s.call("host.compute_free_memory", ref));
            int cpus = (int) VmRecord.num(VmRecord.strings(r.get("cpu_info")).get("cpu_count"));
            out.add(new HostInfo(ref, VmRecord.str(r.get("name_label")), VmRecord.str(r.get("address")), free, cpus));
        });
        return out;
    }

    /** Joins the pool this session talks to (a standalone host) to the pool whose master is at {@code masterAddress}. */
    public void joinPool(String masterAddress, String user, io.inception.engine.merge.Secret password) {
        s.call("pool.join", masterAddress, user, password.reveal());
    }
}
