package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** {@code /servers/{id}/metadata}: get, replace (PUT), merge (POST), and single keys. */
final class ServerMetadataApi {
    private ServerMetadataApi() {
    }

    static void register(Router.Registrar r, Nova nova) {
        String base = ComputeApi.V + "/servers/([^/]+)/metadata";
        r.route("GET", base + "/?", call -> all(nova, nova.server(call.param(0))));
        r.route("PUT", base + "/?", call -> replace(nova, call, true));
        r.route("POST", base + "/?", call -> replace(nova, call, false));
        r.route("GET", base + "/([^/]+)/?", call -> {
            Server s = nova.server(call.param(0));
            synchronized (nova) {
                String value = s.metadata.get(call.param(1));
                if (value == null) {
                    throw ApiError.novaNotFound("Metadata item was not found");
                }
                return Reply.ok(Wire.object().set("meta", Wire.object().put(call.param(1), value)));
            }
        });
        r.route("PUT", base + "/([^/]+)/?", call -> {
            JsonNode meta = call.jsonBody().path("meta");
            if (!meta.isObject() || meta.size() != 1 || !meta.has(call.param(1))) {
                throw ApiError.novaBadRequest("Request body and URI mismatch");
            }
            Map<String, String> item = ComputeApi.metadata(meta);
            Server s = nova.server(call.param(0));
            synchronized (nova) {
                s.metadata.putAll(item);
                s.updatedAt = nova.now();
            }
            return Reply.ok(Wire.object().set("meta", meta));
        });
        r.route("DELETE", base + "/([^/]+)/?", call -> {
            Server s = nova.server(call.param(0));
            synchronized (nova) {
                if (s.metadata.remove(call.param(1)) == null) {
                    throw ApiError.novaNotFound("Metadata item was not found");
                }
            }
            return Reply.empty(204);
        });
    }

    private static Reply replace(Nova nova, Call call, boolean all) {
        JsonNode md = call.jsonBody().path("metadata");
        if (!md.isObject()) {
            throw ComputeApi.invalid("metadata", md.isMissingNode() ? null : md, "'metadata' is a required property");
        }
        Map<String, String> items = ComputeApi.metadata(md);
        Server s = nova.server(call.param(0));
        synchronized (nova) {
            if (all) {
                s.metadata.clear();
            }
            s.metadata.putAll(items);
            s.updatedAt = nova.now();
        }
        return all(nova, s);
    }

    private static Reply all(Nova nova, Server s) {
        ObjectNode md = Wire.object();
        synchronized (nova) {
            s.metadata.forEach(md::put);
        }
        return Reply.ok(Wire.object().set("metadata", md));
    }
}
