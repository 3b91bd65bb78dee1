package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer: status, headers and a body (JSON, bytes, or none). */
record Reply(int status, Map<String, String> headers, JsonNode json, byte[] bytes, String contentType) {
    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, JsonNode body) {
        return new Reply(status, Map.of(), body, null, "application/json");
    }

    static Reply ok(JsonNode body) {
        return json(200, body);
    }

    static Reply empty(int status) {
        return new Reply(status, Map.of(), null, null, null);
    }

    static Reply bytes(int status, String contentType, byte[] data) {
        return new Reply(status, Map.of(), null, data, contentType);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, h, json, bytes, contentType);
    }
}
