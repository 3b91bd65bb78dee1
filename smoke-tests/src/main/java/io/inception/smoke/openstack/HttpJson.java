package io.inception.smoke.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over {@code java.net.http}: the smoke tests' own OpenStack transport, deliberately independent
 * of the provisioner's openstack4j so that a bug there cannot hide here.
 */
public final class HttpJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Duration timeout;

    public HttpJson(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    /** One answer: status, headers and the body (parsed when it is JSON). */
    public record Response(String method, URI uri, int status, Map<String, java.util.List<String>> headers, String text) {
        public JsonNode json() {
            if (text == null || text.isBlank()) return MissingNode.getInstance();
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new OpenStackApiException(method + " " + uri + " answered " + status + " with a body that is not JSON: "
                        + OpenStackApiException.snippet(text));
            }
        }

        public java.util.Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        /** This response when its status is one of {@code expected}, else an error naming the call. */
        public Response expect(int... expected) {
            for (int e : expected) if (status == e) return this;
            throw new OpenStackApiException(method + " " + uri + " answered " + status + ": " + OpenStackApiException.snippet(text));
        }
    }

    /** Sends one request; {@code body} may be null. Headers are name, value pairs. */
    public Response send(String method, URI uri, JsonNode body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(method, uri, r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + uri + " interrupted", e);
        }
    }
}
