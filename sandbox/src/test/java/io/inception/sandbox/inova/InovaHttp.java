package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A plain HTTP client for the simulator's tests: the wire, no OpenStack library. */
final class InovaHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, HttpHeaders headers, JsonNode body, String text) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final InovaSimulator sim;
    String token;

    InovaHttp(InovaSimulator sim) {
        this.sim = sim;
    }

    /** A project-scoped password token for the spec's first user. */
    InovaHttp login() throws Exception {
        Answer a = send("POST", "/identity/v3/auth/tokens", authBody(sim.username(), sim.password()), null);
        if (a.status() != 201) {
            throw new AssertionError("login failed: " + a.status() + " " + a.text());
        }
        token = a.header("X-Subject-Token");
        return this;
    }

    String authBody(String user, String password) {
        return """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                 "domain": {"name": "%s"}, "password": "%s"}}},
                 "scope": {"project": {"name": "%s", "domain": {"name": "%s"}}}}}"""
                .formatted(user, sim.domain(), password, sim.project(), sim.domain());
    }

    Answer get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    /** A compute call at a microversion ({@code null}: no version header). */
    Answer compute(String method, String path, String body, String version) throws Exception {
        return send(method, "/compute/v2.1" + path, body, version == null ? null : "compute " + version);
    }

    Answer send(String method, String path, String body, String apiVersion, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        if (apiVersion != null) {
            b.header("OpenStack-API-Version", apiVersion);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = r.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(r.body());
        } catch (IOException e) {
            json = MissingNode.getInstance();
        }
        return new Answer(r.statusCode(), r.headers(), json, r.body());
    }
}
