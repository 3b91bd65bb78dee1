package io.inception.inova.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.inception.inova.cloud.CloudException;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.openstack.internal.BaseOpenStackService;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

/**
 * The Compute calls openstack4j models for an older Nova — booting with {@code networks: "none"}
 * (2.37+), the compute services by UUID (2.53+), the version document — made through openstack4j's
 * own HTTP layer (its session, token, catalogue and 401 renewal), with the negotiated
 * microversion header. Bodies are read as JSON trees.
 */
final class ComputeApi extends BaseOpenStackService {
    static final String VERSION_HEADER = "OpenStack-API-Version";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String microversion;

    ComputeApi(String microversion) {
        super(ServiceType.COMPUTE);
        this.microversion = microversion;
    }

    /** A response: status and JSON body (missing when empty or not JSON). */
    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Nova's error message: {"badRequest": {"message": ...}} and the like. */
        String message() {
            Iterator<JsonNode> values = body.elements();
            while (values.hasNext()) {
                JsonNode v = values.next();
                if (v.has("message")) return v.get("message").asText();
            }
            return body.isMissingNode() ? "(no body)" : body.toString();
        }

        CloudException error(String what) {
            return new CloudException(what + ": HTTP " + status + ": " + message(), status,
                    status >= 500 || status == 409 || status == 429);
        }
    }

    Reply get(String path) {
        return call(HttpMethod.GET, path, null);
    }

    Reply post(String path, Object body) {
        return call(HttpMethod.POST, path, body);
    }

    Reply put(String path, Object body) {
        return call(HttpMethod.PUT, path, body);
    }

    Reply delete(String path) {
        return call(HttpMethod.DELETE, path, null);
    }

    private Reply call(HttpMethod method, String path, Object body) {
        Invocation<Void> invocation = request(method, Void.class, path);
        if (microversion != null) invocation.header(VERSION_HEADER, "compute " + microversion);
        try {
            if (body != null) invocation.json(JSON.writeValueAsString(body));
            try (HttpResponse response = invocation.executeWithResponse()) {
                return new Reply(response.getStatus(), read(response));
            }
        } catch (ConnectionException e) {
            throw new CloudException("cannot reach iNova Compute (" + method + " " + path + "): " + e.getMessage(), 0, true, e);
        } catch (IOException e) {
            throw new CloudException("reading iNova Compute's answer to " + method + " " + path + ": " + e.getMessage(), 0, true, e);
        }
    }

    private static JsonNode read(HttpResponse response) throws IOException {
        InputStream in = response.getInputStream();
        if (in == null) return MissingNode.getInstance();
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) return MissingNode.getInstance();
        try {
            return JSON.readTree(bytes);
        } catch (IOException notJson) {
            return JSON.createObjectNode().set("error", JSON.createObjectNode().put("message",
                    new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip()));
        }
    }

    /** A JSON object for request bodies. */
    static Map<String, Object> object(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }
}
