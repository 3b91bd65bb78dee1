package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Nova's compute API v2.1 over HTTP: version documents, flavors, servers (create, list, show,
 * update, delete, metadata, actions). Key pairs, server groups, services and limits are in
 * {@link ComputeResourcesApi}.
 */
final class ComputeApi {
    static final String V = "/v2.1";

    private final Nova nova;
    private final Glance glance;
    private final Keypairs keypairs;
    private final Identity identity;
    private final List<InovaSpec.Flavor> flavors;
    private final Ids ids;

    ComputeApi(Nova nova, Glance glance, Keypairs keypairs, Identity identity, InovaSpec spec, Ids ids) {
        this.nova = nova;
        this.glance = glance;
        this.keypairs = keypairs;
        this.identity = identity;
        this.flavors = spec.flavors();
        this.ids = ids;
    }

    Router.Registrar register(Router router) {
        Router.Registrar r = router.service("/compute", this::around,
                call -> {
                    throw ApiError.novaNotFound("The resource could not be found.");
                });
        r.open("GET", "/?", this::versions);
        r.open("GET", V + "/?", call -> Reply.ok(Wire.object().set("version", version(call.baseUrl()))));
        r.route("GET", V + "/flavors/?", call -> flavorList(call, false));
        r.route("GET", V + "/flavors/detail/?", call -> flavorList(call, true));
        r.route("GET", V + "/flavors/([^/]+)/?", call -> Reply.ok(Wire.object().set("flavor",
                ServerView.flavor(flavor(call.param(0)), call.baseUrl(), call.microversion(), true))));
        r.route("GET", V + "/flavors/([^/]+)/os-extra_specs/?", call -> {
            flavor(call.param(0));
            return Reply.ok(Wire.object().set("extra_specs", Wire.object()));
        });
        r.route("POST", V + "/servers/?", this::create);
        r.route("GET", V + "/servers/?", call -> list(call, false));
        r.route("GET", V + "/servers/detail/?", call -> list(call, true));
        r.route("GET", V + "/servers/([^/]+)/?", call -> Reply.ok(Wire.object().set("server", detail(call,
                nova.server(call.param(0))))));
        r.route("PUT", V + "/servers/([^/]+)/?", this::update);
        r.route("DELETE", V + "/servers/([^/]+)/?", call -> {
            nova.delete(call.param(0));
            return Reply.empty(204);
        });
        r.route("POST", V + "/servers/([^/]+)/action/?", this::action);
        r.route("GET", V + "/servers/([^/]+)/ips/?", this::ips);
        ServerMetadataApi.register(r, nova);
        return r;
    }

    private Reply around(Call call, Router.Handler next) {
        if (!call.open) {
            call.token = identity.valid(call.header("X-Auth-Token").orElse(null)).filter(t -> t.project() != null)
                    .orElseThrow(ApiError::unauthorized);
        }
        Microversion v = Microversions.negotiate(call);
        call.microversion = v;
        Reply reply;
        try {
            reply = next.handle(call);
        } catch (ApiError e) {
            reply = e.reply();
        }
        String request = ids.requestId();
        return Microversions.echo(reply, v).withHeader("x-compute-request-id", request)
                .withHeader("x-openstack-request-id", request);
    }

    private Reply versions(Call call) {
        ObjectNode body = Wire.object();
        ArrayNode list = body.putArray("versions");
        ObjectNode v2 = list.addObject().put("id", "v2.0").put("status", "SUPPORTED").put("version", "")
                .put("min_version", "").put("updated", "2011-01-21T11:33:21Z");
        v2.putArray("links").addObject().put("rel", "self").put("href", call.baseUrl() + "/compute/v2/");
        ObjectNode v21 = version(call.baseUrl());
        v21.remove("media-types");
        list.add(v21);
        return Reply.ok(body);
    }

    private static ObjectNode version(String baseUrl) {
        ObjectNode v = Wire.object().put("id", "v2.1").put("status", "CURRENT")
                .put("version", Microversion.MAX.toString()).put("min_version", Microversion.MIN.toString())
                .put("updated", "2013-07-23T11:33:21Z");
        ArrayNode links = v.putArray("links");
        links.addObject().put("rel", "self").put("href", baseUrl + "/compute/v2.1/");
        links.addObject().put("rel", "describedby").put("type", "text/html").put("href", "http://docs.openstack.org/");
        v.putArray("media-types").addObject().put("base", "application/json")
                .put("type", "application/vnd.openstack.compute+json;version=2.1");
        return v;
    }

    private InovaSpec.Flavor flavor(String id) {
        return flavors.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiError.novaNotFound("Flavor " + id + " could not be found."));
    }

    private Reply flavorList(Call call, boolean detail) {
        int minRam = call.query("minRam").map(Integer::parseInt).orElse(0);
        int minDisk = call.query("minDisk").map(Integer::parseInt).orElse(0);
        ArrayNode list = Wire.array();
        flavors.stream().filter(f -> f.ramMb() >= minRam && f.diskGb() >= minDisk)
                .forEach(f -> list.add(ServerView.flavor(f, call.baseUrl(), call.microversion(), detail)));
        return Reply.ok(Wire.object().set("flavors", list));
    }

    private ObjectNode detail(Call call, Server s) {
        return nova.services(h -> ServerView.detail(s, call.baseUrl(), call.microversion(), h));
    }

    private Reply create(Call call) {
        ObjectNode body = call.jsonBody();
        JsonNode server = body.path("server");
        if (!server.isObject()) {
            throw invalid("server", body, "'server' is a required property");
        }
        Microversion v = call.microversion();
        String name = requiredString(server, "name");
        if (name.isBlank() || name.length() > 255) {
            throw invalid("name", server.get("name"), "'" + name + "' does not match '^(?! )[a-zA-Z0-9. _-]+(?<! )$'");
        }
        checkNetworks(server, v, call);
        InovaSpec.Flavor flavor = flavorRef(requiredString(server, "flavorRef"));
        String imageId = imageRef(requiredString(server, "imageRef"));
        String keyName = server.hasNonNull("key_name") ? server.get("key_name").asText() : null;
        if (keyName != null && keypairs.find(call.token().user().id(), keyName).isEmpty()) {
            throw ApiError.novaBadRequest("Invalid key_name provided.");
        }
        Map<String, String> metadata = metadata(server.path("metadata"));
        String group = body.path("os:scheduler_hints").path("group").asText(null);
        int min = server.path("min_count").asInt(1);
        int max = server.path("max_count").asInt(min);
        if (min < 1 || max < 1) {
            throw invalid("min_count", server.path("min_count"), "0 is less than the minimum of 1");
        }
        if (min > max) {
            throw ApiError.novaBadRequest("min_count must be <= max_count");
        }
        String description = v.atLeast(19) && server.hasNonNull("description") ? server.get("description").asText()
                : null;
        List<Server> made = nova.boot(new Nova.BootRequest(name, flavor, imageId, keyName, metadata, group, min, max,
                call.token().project().id(), call.token().user().id(), description));
        if (server.path("return_reservation_id").asBoolean(false)) {
            return Reply.json(202, Wire.object().put("reservation_id", made.get(0).reservationId));
        }
        Server first = made.get(0);
        ObjectNode out = Wire.object().put("id", first.id);
        out.set("links", Wire.links(call.baseUrl(), "servers", first.id));
        out.put("OS-DCF:diskConfig", "MANUAL");
        out.putArray("security_groups").addObject().put("name", "default");
        out.put("adminPass", server.hasNonNull("adminPass") ? server.get("adminPass").asText() : ids.secretHex(6));
        return Reply.json(202, Wire.object().set("server", out))
                .withHeader("Location", call.baseUrl() + "/compute/v2.1/servers/" + first.id);
    }

    /** iNova has no Neutron: only {@code networks: "none"} (2.37+) or no networks (before 2.37) boot. */
    private static void checkNetworks(JsonNode server, Microversion v, Call call) {
        JsonNode networks = server.get("networks");
        if (!v.atLeast(37)) {
            if (networks != null && !networks.isArray()) {
                throw invalid("networks", networks, "'" + networks.asText() + "' is not of type 'array'");
            }
        } else if (networks == null) {
            throw invalid("server", server, "'networks' is a required property");
        } else if (networks.isTextual() && networks.asText().equals("auto")) {
            throw ApiError.novaBadRequest("Unable to automatically allocate a network for project "
                    + call.token().project().id());
        } else if (networks.isTextual() && !networks.asText().equals("none")) {
            throw invalid("networks", networks, "'" + networks.asText()
                    + "' is not valid under any of the given schemas");
        }
        if (networks != null && networks.isArray()) {
            for (JsonNode n : networks) {
                String id = n.hasNonNull("uuid") ? n.get("uuid").asText() : n.path("port").asText("");
                throw ApiError.novaBadRequest("Network " + id + " could not be found.");
            }
        }
    }

    private InovaSpec.Flavor flavorRef(String ref) {
        String id = ref.substring(ref.lastIndexOf('/') + 1);
        return flavors.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiError.novaBadRequest("Flavor " + ref + " could not be found."));
    }

    private String imageRef(String ref) {
        String id = ref.substring(ref.lastIndexOf('/') + 1);
        Glance.Img img = glance.find(id).orElseThrow(() -> ApiError.novaBadRequest("Image " + id
                + " could not be found."));
        if (!img.status.equals("active")) {
            throw ApiError.novaBadRequest("Image " + id + " is not active.");
        }
        return img.id;
    }

    static Map<String, String> metadata(JsonNode md) {
        Map<String, String> out = new LinkedHashMap<>();
        if (md.isMissingNode() || md.isNull()) {
            return out;
        }
        if (!md.isObject()) {
            throw invalid("metadata", md, "'" + md.asText() + "' is not of type 'object'");
        }
        md.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw invalid("metadata/" + e.getKey(), e.getValue(), e.getValue() + " is not of type 'string'");
            }
            if (e.getKey().isEmpty() || e.getKey().length() > 255 || e.getValue().asText().length() > 255) {
                throw invalid("metadata", md, "'" + e.getKey() + "' does not match any of the regexes: '^[a-zA-Z0-9-_:. ]{1,255}$'");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    private static String requiredString(JsonNode server, String field) {
        JsonNode n = server.get(field);
        if (n == null) {
            throw invalid("server", server, "'" + field + "' is a required property");
        }
        if (!n.isTextual()) {
            throw invalid(field, n, n + " is not of type 'string'");
        }
        return n.asText();
    }

    /** Nova's schema-validation message. */
    static ApiError invalid(String field, JsonNode value, String reason) {
        return ApiError.novaBadRequest("Invalid input for field/attribute " + field + ". Value: "
                + (value == null ? "None" : value.isTextual() ? value.asText() : value.toString()) + ". " + reason);
    }

    private Reply list(Call call, boolean detailed) {
        List<Server> all = new ArrayList<>(nova.servers(call.token().project().id()));
        Optional<String> name = call.query("name");
        if (name.isPresent()) {
            Pattern p;
            try {
                p = Pattern.compile(name.get());
            } catch (PatternSyntaxException e) {
                throw ApiError.novaBadRequest("Invalid regular expression in name filter");
            }
            all.removeIf(s -> !p.matcher(s.displayName).find());
        }
        call.query("status").ifPresent(st -> all.removeIf(s -> !s.status.equalsIgnoreCase(st)));
        call.query("host").ifPresent(h -> all.removeIf(s -> !h.equals(s.host)));
        call.query("flavor").ifPresent(f -> all.removeIf(s -> !f.equals(s.flavor.id())));
        call.query("image").ifPresent(i -> all.removeIf(s -> !i.equals(s.imageId)));
        call.query("reservation_id").ifPresent(r -> all.removeIf(s -> !r.equals(s.reservationId)));
        call.query("ip").ifPresent(ip -> all.removeIf(s -> s.address == null || !s.address.contains(ip)));
        int start = call.pageStart(all, s -> s.id, m -> ApiError.novaBadRequest("marker [" + m + "] not found"));
        int limit = call.query("limit").map(Integer::parseInt).orElse(1000);
        List<Server> page = all.subList(start, Math.min(all.size(), start + limit));
        ObjectNode body = Wire.object();
        ArrayNode list = body.putArray("servers");
        for (Server s : page) {
            list.add(detailed ? detail(call, s) : ServerView.brief(s, call.baseUrl()));
        }
        if (call.query("limit").isPresent() && page.size() == limit && start + limit < all.size()) {
            body.putArray("servers_links").addObject().put("rel", "next").put("href", call.baseUrl()
                    + "/compute/v2.1/servers" + (detailed ? "/detail" : "") + "?limit=" + limit + "&marker="
                    + page.get(page.size() - 1).id);
        }
        return Reply.ok(body);
    }

    private Reply update(Call call) {
        JsonNode server = call.jsonBody().path("server");
        Server s = nova.server(call.param(0));
        if (server.hasNonNull("name")) {
            synchronized (nova) {
                s.displayName = server.get("name").asText();
                s.updatedAt = nova.now();
            }
        }
        return Reply.ok(Wire.object().set("server", detail(call, s)));
    }

    private Reply action(Call call) {
        ObjectNode body = call.jsonBody();
        String action = body.fieldNames().hasNext() ? body.fieldNames().next() : "";
        switch (action) {
            case "os-stop", "os-start", "reboot" -> nova.act(call.param(0), action);
            default -> throw ApiError.novaBadRequest("There is no such action: " + action);
        }
        return Reply.empty(202);
    }

    private Reply ips(Call call) {
        Server s = nova.server(call.param(0));
        ObjectNode addresses = Wire.object();
        if (s.address != null) {
            addresses.putArray(ServerView.NETWORK).addObject().put("version", 4).put("addr", s.address);
        }
        return Reply.ok(Wire.object().set("addresses", addresses));
    }
}
