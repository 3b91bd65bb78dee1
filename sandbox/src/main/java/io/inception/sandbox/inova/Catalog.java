package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** The service catalogue: identity, compute and image, each with public/internal/admin endpoints in one region. */
final class Catalog {
    record Entry(String type, String name, String id, String path, List<String> endpointIds) {
    }

    private static final List<String> INTERFACES = List.of("public", "internal", "admin");

    private final String region;
    private final List<Entry> entries = new ArrayList<>();

    Catalog(String region, Ids ids) {
        this.region = region;
        entries.add(entry("identity", "keystone", "/identity", ids));
        entries.add(entry("compute", "nova", "/compute/v2.1", ids));
        entries.add(entry("image", "glance", "/image", ids));
    }

    private static Entry entry(String type, String name, String path, Ids ids) {
        return new Entry(type, name, ids.hex(), path, List.of(ids.hex(), ids.hex(), ids.hex()));
    }

    ArrayNode render(String baseUrl) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Entry e : entries) {
            ObjectNode s = list.addObject();
            ArrayNode eps = s.putArray("endpoints");
            for (int i = 0; i < INTERFACES.size(); i++) {
                eps.addObject().put("id", e.endpointIds().get(i)).put("interface", INTERFACES.get(i))
                        .put("region", region).put("region_id", region).put("url", baseUrl + e.path());
            }
            s.put("id", e.id()).put("type", e.type()).put("name", e.name());
        }
        return list;
    }
}
