package io.inception.smoke.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inception.engine.merge.Secret;
import io.inception.smoke.deployed.CloudAccess;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A project-scoped Keystone v3 token and its service catalog. Requests to a service go to its
 * {@code public} endpoint with the token; the token is a {@link Secret} and never reaches a message.
 */
public final class OpenStackSession {
    private final HttpJson http;
    private final Secret token;
    private final Instant expiresAt;
    private final String projectId;
    private final Map<String, URI> endpoints;

    private OpenStackSession(HttpJson http, Secret token, Instant expiresAt, String projectId, Map<String, URI> endpoints) {
        this.http = http;
        this.token = token;
        this.expiresAt = expiresAt;
        this.projectId = projectId;
        this.endpoints = Map.copyOf(endpoints);
    }

    /** Issues a token with password authentication scoped to the access's project. */
    public static OpenStackSession login(HttpJson http, CloudAccess access) {
        URI tokens = URI.create(access.identityV3() + "/auth/tokens");
        HttpJson.Response r = http.send("POST", tokens, passwordAuth(access), Map.of()).expect(201);
        String subject = r.header("X-Subject-Token").orElseThrow(() -> new OpenStackApiException(
                "POST " + tokens + " answered 201 without an X-Subject-Token header"));
        JsonNode token = r.json().path("token");
        Map<String, URI> endpoints = new LinkedHashMap<>();
        for (JsonNode service : token.path("catalog")) {
            for (JsonNode e : service.path("endpoints")) {
                if ("public".equals(e.path("interface").asText())) {
                    endpoints.putIfAbsent(service.path("type").asText(), URI.create(e.path("url").asText().replaceAll("/+$", "")));
                }
            }
        }
        Instant expires = token.hasNonNull("expires_at") ? Instant.parse(token.path("expires_at").asText()) : Instant.MAX;
        return new OpenStackSession(http, new Secret(subject), expires, token.path("project").path("id").asText(null), endpoints);
    }

    private static JsonNode passwordAuth(CloudAccess access) {
        ObjectNode root = HttpJson.JSON.createObjectNode();
        ObjectNode identity = root.putObject("auth").putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", access.username()).put("password", access.password().reveal());
        user.putObject("domain").put("name", access.domain());
        ObjectNode project = ((ObjectNode) root.get("auth")).putObject("scope").putObject("project");
        project.put("name", access.project()).putObject("domain").put("name", access.domain());
        return root;
    }

    public Secret token() {
        return token;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<String> projectId() {
        return Optional.ofNullable(projectId);
    }

    /** Service types in the catalog (compute, image, identity, ...). */
    public java.util.Set<String> serviceTypes() {
        return endpoints.keySet();
    }

    /** The public endpoint of a service type. */
    public URI endpoint(String serviceType) {
        URI uri = endpoints.get(serviceType);
        if (uri == null) {
            throw new OpenStackApiException("the service catalog has no public '" + serviceType + "' endpoint; it has "
                    + endpoints.keySet());
        }
        return uri;
    }

    /** Sends a request to {@code path} under the service's endpoint (or to the endpoint itself for ""). */
    public HttpJson.Response call(String method, String serviceType, String path, JsonNode body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("X-Auth-Token", token.reveal());
        return http.send(method, URI.create(endpoint(serviceType) + path), body, all);
    }

    @Override
    public String toString() {
        return "OpenStackSession[project=" + projectId + ", services=" + endpoints.keySet() + ", token=***]";
    }
}
