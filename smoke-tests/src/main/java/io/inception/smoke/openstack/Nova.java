package io.inception.smoke.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parts of the Compute API the smoke tests use, at a fixed microversion. */
public final class Nova {
    /** {@code networks: none} on server create needs 2.37. */
    public static final String MICROVERSION = "2.37";

    private final OpenStackSession session;
    private final Map<String, String> headers = Map.of(
            "OpenStack-API-Version", "compute " + MICROVERSION,
            "X-OpenStack-Nova-API-Version", MICROVERSION);

    public Nova(OpenStackSession session) {
        this.session = session;
    }

    /** The API version document of the compute endpoint. */
    public record ApiVersion(String id, String status, String minVersion, String maxVersion) {
    }

    public record Flavor(String id, String name, long ramMb, long vcpus, long diskGb) {
    }

    /** One row of {@code os-services}. */
    public record ComputeService(String host, String binary, String state, String status, String disabledReason) {
        public boolean upAndEnabled() {
            return "up".equals(state) && "enabled".equals(status);
        }
    }

    /** A server's status, its fault message when it has one. */
    public record Server(String id, String name, String status, String fault) {
    }

    public ApiVersion version() {
        JsonNode v = session.call("GET", "compute", "", null, headers).expect(200).json().path("version");
        return new ApiVersion(v.path("id").asText(), v.path("status").asText(), v.path("min_version").asText(),
                v.path("version").asText());
    }

    public List<Flavor> flavors() {
        List<Flavor> list = new ArrayList<>();
        for (JsonNode f : session.call("GET", "compute", "/flavors/detail", null, headers).expect(200).json().path("flavors")) {
            list.add(new Flavor(f.path("id").asText(), f.path("name").asText(), f.path("ram").asLong(),
                    f.path("vcpus").asLong(), f.path("disk").asLong()));
        }
        return list;
    }

    public List<ComputeService> computeServices() {
        List<ComputeService> list = new ArrayList<>();
        JsonNode body = session.call("GET", "compute", "/os-services?binary=nova-compute", null, headers).expect(200).json();
        for (JsonNode s : body.path("services")) {
            // the filter is a hint: not every Nova honours it
            if (!"nova-compute".equals(s.path("binary").asText())) continue;
            list.add(new ComputeService(s.path("host").asText(), s.path("binary").asText(), s.path("state").asText(),
                    s.path("status").asText(), s.path("disabled_reason").asText(null)));
        }
        return list;
    }

    /** Creates a server without networks and returns its id. */
    public String createServer(String name, String flavorId, String imageId) {
        ObjectNode body = HttpJson.JSON.createObjectNode();
        body.putObject("server").put("name", name).put("flavorRef", flavorId).put("imageRef", imageId).put("networks", "none");
        return session.call("POST", "compute", "/servers", body, headers).expect(202).json().path("server").path("id").asText();
    }

    /** The server, or empty once it is gone (404). */
    public Optional<Server> server(String id) {
        HttpJson.Response r = session.call("GET", "compute", "/servers/" + id, null, headers).expect(200, 404);
        if (r.status() == 404) return Optional.empty();
        JsonNode s = r.json().path("server");
        return Optional.of(new Server(s.path("id").asText(), s.path("name").asText(), s.path("status").asText(),
                s.path("fault").path("message").asText(null)));
    }

    public void deleteServer(String id) {
        session.call("DELETE", "compute", "/servers/" + id, null, headers).expect(204, 202, 404);
    }
}
