package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Locale;

/**
 * The sandbox's own admin path, {@code /sandbox/faults/...}, so a shell or another process can
 * inject what {@link InovaFaults} injects from Java. Needs a valid token like every other call.
 */
final class FaultsApi {
    private final InovaFaults faults;
    private final Identity identity;

    FaultsApi(InovaFaults faults, Identity identity) {
        this.faults = faults;
        this.identity = identity;
    }

    void register(Router router) {
        Router.Registrar r = router.service("/sandbox/faults", (call, next) -> {
            identity.valid(call.header("X-Auth-Token").orElse(null)).orElseThrow(ApiError::unauthorized);
            return next.handle(call);
        }, call -> {
            throw ApiError.novaNotFound("The resource could not be found.");
        });
        r.route("POST", "/fail-boots", call -> {
            JsonNode b = call.jsonBody();
            faults.failBoots(required(b, "name_regex"), b.path("count").asInt(1),
                    b.path("message").asText("Build of instance aborted: injected fault (sandbox)"));
            return Reply.empty(204);
        });
        r.route("POST", "/hang-boots", call -> {
            JsonNode b = call.jsonBody();
            faults.hangBoots(required(b, "name_regex"), b.path("count").asInt(1));
            return Reply.empty(204);
        });
        r.route("PUT", "/quota", call -> {
            JsonNode b = call.jsonBody();
            faults.overrideQuota(new InovaSpec.Quota(b.path("instances").asInt(), b.path("cores").asInt(),
                    b.path("ram").asInt()));
            return Reply.empty(204);
        });
        r.route("DELETE", "/quota", call -> {
            faults.clearQuota();
            return Reply.empty(204);
        });
        r.route("POST", "/kill", call -> {
            JsonNode b = call.jsonBody();
            InovaFaults.Death to = InovaFaults.Death.valueOf(b.path("to").asText("ERROR").toUpperCase(Locale.ROOT));
            try {
                faults.killLater(required(b, "server"), to, Duration.ofSeconds(b.path("after_seconds").asLong(0)));
            } catch (IllegalArgumentException e) {
                throw ApiError.novaNotFound(e.getMessage());
            }
            return Reply.empty(204);
        });
        r.route("PUT", "/compute-hosts/([^/]+)", call -> {
            try {
                faults.computeHostDown(call.param(0), call.jsonBody().path("down").asBoolean());
            } catch (IllegalArgumentException e) {
                throw ApiError.novaNotFound(e.getMessage());
            }
            return Reply.empty(204);
        });
    }

    private static String required(JsonNode body, String field) {
        if (!body.path(field).isTextual()) {
            throw ApiError.novaBadRequest("'" + field + "' is a required property");
        }
        return body.get(field).asText();
    }
}
