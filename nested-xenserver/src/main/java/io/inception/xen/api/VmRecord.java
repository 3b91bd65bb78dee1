package io.inception.xen.api;

import java.util.Map;

/** The fields of a VM record that Inception reads. */
public record VmRecord(String ref, String uuid, String nameLabel, PowerState powerState, boolean template,
                       boolean snapshot, String snapshotOf, long memoryStaticMax, long vcpusMax, String residentOn,
                       Map<String, String> otherConfig, Map<String, String> platform, String guestMetrics) {

    static VmRecord of(String ref, Map<String, Object> r) {
        return new VmRecord(ref, str(r.get("uuid")), str(r.get("name_label")), PowerState.of(r.get("power_state")),
                Boolean.TRUE.equals(r.get("is_a_template")), Boolean.TRUE.equals(r.get("is_a_snapshot")),
                str(r.get("snapshot_of")), num(r.get("memory_static_max")), num(r.get("VCPUs_max")),
                str(r.get("resident_on")), strings(r.get("other_config")), strings(r.get("platform")),
                str(r.get("guest_metrics")));
    }

    static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    static long num(Object o) {
        try {
            return o == null ? 0 : Long.parseLong(String.valueOf(o));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Map<String, String> strings(Object o) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> m.put(String.valueOf(k), String.valueOf(v)));
        }
        return Map.copyOf(m);
    }
}
