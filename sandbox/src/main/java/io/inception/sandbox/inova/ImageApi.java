package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Glance v2 over HTTP: versions, images list/show/create/update/delete, data upload and download. */
final class ImageApi {
    private static final Set<String> CORE = Set.of("name", "disk_format", "container_format", "visibility",
            "min_disk", "min_ram", "tags", "protected", "id", "os_hidden");

    private final Glance glance;
    private final Identity identity;

    ImageApi(Glance glance, Identity identity) {
        this.glance = glance;
        this.identity = identity;
    }

    void register(Router router) {
        Router.Registrar r = router.service("/image", this::authenticated,
                call -> {
                    throw ApiError.glance(404, "Not Found", "The resource could not be found.");
                });
        r.open("GET", "/?", call -> Reply.json(300, versions(call.baseUrl())));
        r.open("GET", "/versions/?", call -> Reply.ok(versions(call.baseUrl())));
        r.open("GET", "/v2/?", call -> Reply.json(300, versions(call.baseUrl())));
        r.route("GET", "/v2/images/?", this::list);
        r.route("POST", "/v2/images/?", this::create);
        r.route("GET", "/v2/images/([^/]+)/?", call -> Reply.ok(render(image(call.param(0)))));
        r.route("PATCH", "/v2/images/([^/]+)/?", this::patch);
        r.route("DELETE", "/v2/images/([^/]+)/?", this::delete);
        r.route("PUT", "/v2/images/([^/]+)/file", this::upload);
        r.route("GET", "/v2/images/([^/]+)/file", this::download);
    }

    private Reply authenticated(Call call, Router.Handler next) {
        if (!call.open) {
            call.token = identity.valid(call.header("X-Auth-Token").orElse(null))
                    .filter(t -> t.project() != null).orElseThrow(ApiError::unauthorized);
        }
        return next.handle(call);
    }

    private static ObjectNode versions(String baseUrl) {
        ObjectNode body = Wire.object();
        ArrayNode list = body.putArray("versions");
        String[][] vs = {{"v2.16", "CURRENT"}, {"v2.15", "SUPPORTED"}, {"v2.9", "SUPPORTED"}, {"v2.0", "SUPPORTED"}};
        for (String[] v : vs) {
            list.addObject().put("id", v[0]).put("status", v[1]).putArray("links").addObject().put("rel", "self")
                    .put("href", baseUrl + "/image/v2/");
        }
        return body;
    }

    private Glance.Img image(String id) {
        return glance.find(id).orElseThrow(() -> ApiError.glance(404, "Not Found", "No image found with ID " + id));
    }

    private Reply list(Call call) {
        List<Glance.Img> all = new ArrayList<>(glance.list());
        all.sort(Comparator.comparing((Glance.Img i) -> i.createdAt).reversed().thenComparing(i -> i.id));
        call.query("name").ifPresent(n -> all.removeIf(i -> !n.equals(i.name)));
        call.query("status").ifPresent(s -> all.removeIf(i -> !s.equalsIgnoreCase(i.status)));
        call.query("visibility").filter(v -> !v.equals("all")).ifPresent(v -> all.removeIf(i -> !v.equals(i.visibility)));
        call.query("owner").ifPresent(o -> all.removeIf(i -> !o.equals(i.owner)));
        int start = call.pageStart(all, i -> i.id, m -> ApiError.glance(400, "Bad Request", "marker not found"));
        int limit = call.query("limit").map(Integer::parseInt).orElse(25);
        List<Glance.Img> page = all.subList(start, Math.min(all.size(), start + limit));
        ObjectNode body = Wire.object();
        ArrayNode images = body.putArray("images");
        page.forEach(i -> images.add(render(i)));
        body.put("first", "/v2/images").put("schema", "/v2/schemas/images");
        if (start + limit < all.size() && !page.isEmpty()) {
            body.put("next", "/v2/images?marker=" + page.get(page.size() - 1).id + "&limit=" + limit);
        }
        return Reply.ok(body);
    }

    private Reply create(Call call) {
        ObjectNode b;
        try {
            b = call.jsonBody();
        } catch (ApiError e) {
            throw ApiError.glance(400, "Bad Request", "Malformed JSON in request body.");
        }
        List<String> tags = new ArrayList<>();
        b.path("tags").forEach(t -> tags.add(t.asText()));
        Map<String, String> props = new LinkedHashMap<>();
        b.fields().forEachRemaining(e -> {
            if (!CORE.contains(e.getKey())) {
                props.put(e.getKey(), e.getValue().asText());
            }
        });
        String visibility = b.path("visibility").asText("shared");
        if (!Set.of("public", "private", "shared", "community").contains(visibility)) {
            throw ApiError.glance(400, "Bad Request", "Invalid visibility value: " + visibility);
        }
        Glance.Img img = glance.create(b.path("name").asText(null), b.path("disk_format").asText(null),
                b.path("container_format").asText(null), visibility, call.token().project().id(),
                b.path("min_disk").asInt(0), b.path("min_ram").asInt(0), tags, props);
        return Reply.json(201, render(img)).withHeader("Location", call.baseUrl() + "/image/v2/images/" + img.id);
    }

    private Reply patch(Call call) {
        Glance.Img img = image(call.param(0));
        JsonNode ops;
        try {
            ops = Call.JSON.readTree(call.rawBody());
        } catch (IOException e) {
            throw ApiError.glance(400, "Bad Request", "Malformed JSON in request body.");
        }
        synchronized (glance) {
            for (JsonNode op : ops) {
                String field = op.path("path").asText().replaceFirst("^/", "");
                String kind = op.path("op").asText();
                JsonNode value = op.path("value");
                switch (field) {
                    case "name" -> img.name = kind.equals("remove") ? null : value.asText();
                    case "tags" -> {
                        img.tags.clear();
                        value.forEach(t -> img.tags.add(t.asText()));
                    }
                    case "min_disk" -> img.minDisk = value.asInt();
                    case "min_ram" -> img.minRam = value.asInt();
                    case "visibility" -> img.visibility = value.asText();
                    default -> {
                        if (kind.equals("remove")) {
                            img.properties.remove(field);
                        } else {
                            img.properties.put(field, value.asText());
                        }
                    }
                }
            }
            img.updatedAt = identity.clock().instant();
        }
        return Reply.ok(render(img));
    }

    private Reply delete(Call call) {
        Glance.Img img = image(call.param(0));
        if (img.isProtected) {
            throw ApiError.glance(403, "Forbidden", "Image " + img.id + " is protected and cannot be deleted.");
        }
        glance.delete(img.id);
        return Reply.empty(204);
    }

    private Reply upload(Call call) {
        Glance.Img img = image(call.param(0));
        if (!img.status.equals("queued")) {
            throw ApiError.glance(409, "Conflict", "Image status transition from " + img.status
                    + " to saving is not allowed");
        }
        if (img.diskFormat == null || img.containerFormat == null) {
            throw ApiError.glance(400, "Bad Request", "Properties disk_format, container_format must be set prior"
                    + " to saving data.");
        }
        glance.upload(img, call.rawBody());
        return Reply.empty(204);
    }

    private Reply download(Call call) {
        Glance.Img img = image(call.param(0));
        if (img.data == null) {
            return Reply.empty(204);
        }
        return Reply.bytes(200, "application/octet-stream", img.data).withHeader("Content-MD5", img.checksum);
    }

    static ObjectNode render(Glance.Img i) {
        ObjectNode o = Wire.object();
        o.put("id", i.id).put("name", i.name).put("status", i.status).put("visibility", i.visibility)
                .put("protected", i.isProtected).put("os_hidden", false).put("checksum", i.checksum)
                .put("os_hash_algo", i.sha512 == null ? null : "sha512").put("os_hash_value", i.sha512);
        if (i.size == null) {
            o.putNull("size");
        } else {
            o.put("size", i.size);
        }
        o.putNull("virtual_size");
        o.put("min_disk", i.minDisk).put("min_ram", i.minRam).put("disk_format", i.diskFormat)
                .put("container_format", i.containerFormat).put("owner", i.owner)
                .put("created_at", Wire.seconds(i.createdAt)).put("updated_at", Wire.seconds(i.updatedAt));
        ArrayNode tags = o.putArray("tags");
        i.tags.forEach(tags::add);
        i.properties.forEach(o::put);
        o.put("self", "/v2/images/" + i.id).put("file", "/v2/images/" + i.id + "/file")
                .put("schema", "/v2/schemas/image");
        return o;
    }
}
