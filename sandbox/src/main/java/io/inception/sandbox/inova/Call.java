package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a handler sees it: method, path parameters, query, headers, body, and what the
 * router worked out before the handler ran (the caller's token, the compute microversion).
 */
final class Call {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final List<String> params;
    private final Map<String, List<String>> query;
    private final Headers headers;
    private final byte[] body;
    private final String baseUrl;
    Token token;
    /** Whether the route needs no token (version documents). */
    boolean open;
    Microversion microversion;

    Call(String method, List<String> params, String rawQuery, Headers headers, byte[] body, String baseUrl) {
        this.method = method;
        this.params = List.copyOf(params);
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.body = body;
        this.baseUrl = baseUrl;
    }

    String method() {
        return method;
    }

    /** The i-th group matched in the route's path pattern. */
    String param(int i) {
        return params.get(i);
    }

    Optional<String> query(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    Map<String, List<String>> queryMap() {
        return query;
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }

    /** {@code http://127.0.0.1:PORT} of the simulator, for links. */
    String baseUrl() {
        return baseUrl;
    }

    byte[] rawBody() {
        return body;
    }

    /** The body as a JSON object, or Nova's 400 when it is not one. */
    ObjectNode jsonBody() {
        try {
            JsonNode n = body.length == 0 ? null : JSON.readTree(body);
            if (n instanceof ObjectNode o) {
                return o;
            }
        } catch (IOException e) {
            // answered below as the services do
        }
        throw ApiError.novaBadRequest("Malformed request body");
    }

    /**
     * Where a page starts in {@code items}: after the {@code marker} query parameter's item, or 0;
     * {@code missing} when the marker names no item.
     */
    <T> int pageStart(List<T> items, java.util.function.Function<T, String> id,
                      java.util.function.Function<String, ApiError> missing) {
        Optional<String> marker = query("marker");
        if (marker.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < items.size(); i++) {
            if (id.apply(items.get(i)).equals(marker.get())) {
                return i + 1;
            }
        }
        throw missing.apply(marker.get());
    }

    Token token() {
        return token;
    }

    Microversion microversion() {
        return microversion;
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }
}
