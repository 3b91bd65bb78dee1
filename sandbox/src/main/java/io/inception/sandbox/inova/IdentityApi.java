package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Keystone v3 over HTTP: version documents, {@code /v3/auth/tokens} (issue, validate, revoke), catalog, projects. */
final class IdentityApi {
    private final Identity identity;
    private final Catalog catalog;

    IdentityApi(Identity identity, Catalog catalog) {
        this.identity = identity;
        this.catalog = catalog;
    }

    void register(Router router) {
        Router.Registrar r = router.service("/identity", (call, next) -> next.handle(call)
                        .withHeader("Vary", "X-Auth-Token"),
                call -> {
                    throw ApiError.keystone(404, "Not Found", "The resource could not be found.");
                });
        r.route("GET", "/?", this::versions);
        r.route("GET", "/v3/?", call -> Reply.ok(Wire.object().set("version", version(call.baseUrl()))));
        r.route("POST", "/v3/auth/tokens/?", this::issue);
        r.route("GET", "/v3/auth/tokens/?", this::validate);
        r.route("DELETE", "/v3/auth/tokens/?", this::revoke);
        r.route("GET", "/v3/auth/catalog/?", this::catalog);
        r.route("GET", "/v3/auth/projects/?", this::projects);
    }

    private Reply versions(Call call) {
        ObjectNode body = Wire.object();
        body.putObject("versions").putArray("values").add(version(call.baseUrl()));
        return Reply.json(300, body).withHeader("Location", call.baseUrl() + "/identity/v3/");
    }

    private static ObjectNode version(String baseUrl) {
        ObjectNode v = Wire.object().put("id", "v3.14").put("status", "stable").put("updated", "2020-04-07T00:00:00Z");
        v.putArray("links").addObject().put("rel", "self").put("href", baseUrl + "/identity/v3/");
        v.putArray("media-types").addObject().put("base", "application/json")
                .put("type", "application/vnd.openstack.identity-v3+json");
        return v;
    }

    private Reply issue(Call call) {
        ObjectNode body;
        try {
            body = call.jsonBody();
        } catch (ApiError e) {
            throw ApiError.keystone(400, "Bad Request", "The request body is not valid JSON.");
        }
        if (!body.path("auth").isObject()) {
            throw ApiError.keystone(400, "Bad Request", "'auth' is a required property");
        }
        Token t = identity.authenticate(body.get("auth"));
        boolean noCatalog = call.query("nocatalog").isPresent();
        return Reply.json(201, render(t, call.baseUrl(), !noCatalog)).withHeader("X-Subject-Token", t.id());
    }

    private Reply validate(Call call) {
        caller(call);
        String subject = call.header("X-Subject-Token").orElseThrow(ApiError::unauthorized);
        Token t = identity.valid(subject).orElseThrow(() -> ApiError.keystone(404, "Not Found",
                "Could not find token."));
        boolean noCatalog = call.query("nocatalog").isPresent();
        return Reply.ok(render(t, call.baseUrl(), !noCatalog)).withHeader("X-Subject-Token", t.id());
    }

    private Reply revoke(Call call) {
        caller(call);
        String subject = call.header("X-Subject-Token").orElseThrow(ApiError::unauthorized);
        if (identity.valid(subject).isEmpty() || !identity.revoke(subject)) {
            throw ApiError.keystone(404, "Not Found", "Could not find token.");
        }
        return Reply.empty(204);
    }

    private Reply catalog(Call call) {
        Token t = caller(call);
        if (t.project() == null) {
            throw ApiError.keystone(403, "Forbidden", "A project-scoped token is required to produce a service catalog.");
        }
        ObjectNode body = Wire.object();
        body.set("catalog", catalog.render(call.baseUrl()));
        body.putObject("links").put("self", call.baseUrl() + "/identity/v3/auth/catalog").putNull("previous")
                .putNull("next");
        return Reply.ok(body);
    }

    private Reply projects(Call call) {
        Token t = caller(call);
        ObjectNode body = Wire.object();
        ArrayNode list = body.putArray("projects");
        Identity.Project p = t.user().project();
        list.addObject().put("id", p.id()).put("name", p.name()).put("domain_id", p.domain().id())
                .put("enabled", true).put("is_domain", false).put("description", "").put("parent_id", p.domain().id());
        body.putObject("links").put("self", call.baseUrl() + "/identity/v3/auth/projects").putNull("previous")
                .putNull("next");
        return Reply.ok(body);
    }

    private Token caller(Call call) {
        return identity.valid(call.header("X-Auth-Token").orElse(null)).orElseThrow(ApiError::unauthorized);
    }

    private ObjectNode render(Token t, String baseUrl, boolean withCatalog) {
        ObjectNode token = Wire.object();
        token.putArray("methods").addAll(t.methods().stream().map(Wire.object()::textNode).toList());
        ObjectNode user = token.putObject("user");
        user.putObject("domain").put("id", t.user().domain().id()).put("name", t.user().domain().name());
        user.put("id", t.user().id()).put("name", t.user().name()).putNull("password_expires_at");
        token.putArray("audit_ids").add(t.auditId());
        token.put("expires_at", Wire.micros(t.expiresAt())).put("issued_at", Wire.micros(t.issuedAt()));
        if (t.project() != null) {
            ObjectNode p = token.putObject("project");
            p.putObject("domain").put("id", t.project().domain().id()).put("name", t.project().domain().name());
            p.put("id", t.project().id()).put("name", t.project().name());
            token.put("is_domain", false);
            ArrayNode roles = token.putArray("roles");
            Identity.ROLES.forEach(r -> roles.addObject().put("id", identity.roleIds.get(r)).put("name", r));
            if (withCatalog) {
                token.set("catalog", catalog.render(baseUrl));
            }
        }
        return Wire.object().set("token", token);
    }
}
