package io.inception.xen.lab;

import io.inception.xen.api.XenApiException;
import io.inception.xen.api.XenSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The private network of a lab (tagged with the lab id like its VMs) and the VIFs that plug VMs into it. */
final class LabNetworks {
    private LabNetworks() {
    }

    static String create(XenSession s, Lab lab, String name) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("name_label", lab.id() + "-" + name);
        rec.put("name_description", "private network of lab " + lab.id());
        rec.put("MTU", "1500");
        rec.put("other_config", Map.of(LabBuilder.TAG_LAB, lab.id(), LabBuilder.TAG_OWNER, lab.owner()));
        return String.valueOf(s.call("network.create", rec));
    }

    static void plug(XenSession s, String vm, String network) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("VM", vm);
        rec.put("network", network);
        rec.put("device", "0");
        rec.put("MAC", "");
        rec.put("MTU", "1500");
        rec.put("other_config", Map.of());
        rec.put("qos_algorithm_type", "");
        rec.put("qos_algorithm_params", Map.of());
        s.call("VIF.create", rec);
    }

    /** Destroys the networks tagged with {@code labId}; returns their references. */
    @SuppressWarnings("unchecked")
    static List<String> destroy(XenSession s, String labId) {
        List<String> removed = new ArrayList<>();
        Map<String, Object> all = (Map<String, Object>) s.call("network.get_all_records");
        for (Map.Entry<String, Object> e : all.entrySet()) {
            Map<String, Object> rec = (Map<String, Object>) e.getValue();
            Object tags = rec.get("other_config");
            if (tags instanceof Map<?, ?> m && labId.equals(m.get(LabBuilder.TAG_LAB))) {
                try {
                    s.call("network.destroy", e.getKey());
                    removed.add(e.getKey());
                } catch (XenApiException gone) {
                    if (!"HANDLE_INVALID".equals(gone.code())) {
                        throw gone;
                    }
                }
            }
        }
        return removed;
    }
}
