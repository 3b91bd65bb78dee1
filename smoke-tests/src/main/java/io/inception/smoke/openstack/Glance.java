package io.inception.smoke.openstack;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Image API v2 call the smoke tests use. */
public final class Glance {
    private final OpenStackSession session;

    public Glance(OpenStackSession session) {
        this.session = session;
    }

    public record Image(String id, String name, String status) {
        public boolean active() {
            return "active".equals(status);
        }
    }

    public List<Image> images() {
        List<Image> list = new ArrayList<>();
        // catalogs list Glance with or without its version
        String path = session.endpoint("image").getPath().endsWith("/v2") ? "/images" : "/v2/images";
        for (JsonNode i : session.call("GET", "image", path, null, Map.of()).expect(200).json().path("images")) {
            list.add(new Image(i.path("id").asText(), i.path("name").asText(), i.path("status").asText()));
        }
        return list;
    }
}
