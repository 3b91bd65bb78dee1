package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.regex.Pattern;

/**
 * {@code os-services} (list; disable/enable by host and binary before 2.53, by service uuid from
 * 2.53) and {@code os-hypervisors} — what a rollout uses to drain a compute host.
 */
final class ComputeServicesApi {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}");

    private final Nova nova;

    ComputeServicesApi(Nova nova) {
        this.nova = nova;
    }

    void register(Router.Registrar r) {
        String v = ComputeApi.V;
        r.route("GET", v + "/os-services/?", this::list);
        r.route("PUT", v + "/os-services/([^/]+)/?", this::update);
        r.route("GET", v + "/os-hypervisors/?", call -> hypervisors(call, false));
        r.route("GET", v + "/os-hypervisors/detail/?", call -> hypervisors(call, true));
    }

    private Reply list(Call call) {
        String host = call.query("host").orElse("");
        String binary = call.query("binary").orElse("");
        ArrayNode list = Wire.array();
        nova.services(h -> {
            h.all().stream().filter(s -> host.isEmpty() || s.host.equals(host))
                    .filter(s -> binary.isEmpty() || s.binary.equals(binary))
                    .forEach(s -> list.add(render(s, call.microversion(), nova.now())));
            return null;
        });
        return Reply.ok(Wire.object().set("services", list));
    }

    private static ObjectNode render(ComputeHosts.Service s, Microversion v, java.time.Instant now) {
        ObjectNode o = Wire.object();
        if (v.atLeast(53)) {
            o.put("id", s.uuid);
        } else {
            o.put("id", s.id);
        }
        o.put("binary", s.binary).put("host", s.host).put("zone", s.zone).put("status", s.disabled ? "disabled"
                : "enabled").put("state", s.up() ? "up" : "down").put("updated_at", Wire.naive(s.lastReport(now)))
                .put("disabled_reason", s.disabledReason);
        if (v.atLeast(11)) {
            o.put("forced_down", s.forcedDown);
        }
        return o;
    }

    private Reply update(Call call) {
        JsonNode body = call.jsonBody();
        String id = call.param(0);
        Microversion v = call.microversion();
        return nova.services(h -> v.atLeast(53) ? updateById(h, id, body, v) : updateByAction(h, id, body, v));
    }

    /** 2.53+: {@code PUT /os-services/{uuid}} with status, disabled_reason, forced_down. */
    private Reply updateById(ComputeHosts h, String id, JsonNode body, Microversion v) {
        if (!UUID.matcher(id).matches()) {
            throw ApiError.novaBadRequest("Invalid uuid " + id);
        }
        ComputeHosts.Service s = h.byId(id).orElseThrow(() -> ApiError.novaNotFound("Service " + id
                + " could not be found."));
        String status = body.path("status").asText(null);
        if (status == null && !body.has("forced_down")) {
            throw ApiError.novaBadRequest("No updates were requested. Fields 'status' or 'forced_down' should be"
                    + " specified.");
        }
        if (status != null && !status.equals("enabled") && !status.equals("disabled")) {
            throw ComputeApi.invalid("status", body.get("status"), "'" + status + "' is not one of ['enabled',"
                    + " 'disabled']");
        }
        if (body.has("disabled_reason") && !"disabled".equals(status)) {
            throw ApiError.novaBadRequest("Specifying 'disabled_reason' with status 'enabled' is invalid.");
        }
        if (!s.binary.equals("nova-compute")) {
            throw ApiError.novaBadRequest("Updating a " + s.binary + " service is not supported. Only nova-compute"
                    + " services can be updated.");
        }
        if (status != null) {
            s.disabled = status.equals("disabled");
            s.disabledReason = s.disabled && body.hasNonNull("disabled_reason") ? body.get("disabled_reason").asText()
                    : null;
        }
        if (body.has("forced_down")) {
            s.forcedDown = body.get("forced_down").asBoolean();
        }
        s.updatedAt = nova.now();
        return Reply.ok(Wire.object().set("service", render(s, v, nova.now())));
    }

    /** Before 2.53: {@code PUT /os-services/enable|disable|disable-log-reason|force-down} with host and binary. */
    private Reply updateByAction(ComputeHosts h, String action, JsonNode body, Microversion v) {
        boolean known = action.equals("enable") || action.equals("disable") || action.equals("disable-log-reason")
                || (action.equals("force-down") && v.atLeast(11));
        if (!known) {
            throw ApiError.novaNotFound("Unknown action");
        }
        String host = body.path("host").asText(null);
        String binary = body.path("binary").asText(null);
        if (host == null || binary == null) {
            throw ComputeApi.invalid("body", body, "'" + (host == null ? "host" : "binary") + "' is a required property");
        }
        ComputeHosts.Service s = h.byHostAndBinary(host, binary).orElseThrow(() -> ApiError.novaNotFound(
                "Host '" + host + "' is not mapped to any cell"));
        ObjectNode out = Wire.object().put("host", host).put("binary", binary);
        switch (action) {
            case "enable" -> {
                s.disabled = false;
                s.disabledReason = null;
                out.put("status", "enabled");
            }
            case "disable" -> {
                s.disabled = true;
                s.disabledReason = null;
                out.put("status", "disabled");
            }
            case "disable-log-reason" -> {
                if (!body.hasNonNull("disabled_reason")) {
                    throw ApiError.novaBadRequest("Missing disabled reason field");
                }
                s.disabled = true;
                s.disabledReason = body.get("disabled_reason").asText();
                out.put("status", "disabled").put("disabled_reason", s.disabledReason);
            }
            default -> {
                if (!body.has("forced_down")) {
                    throw ApiError.novaBadRequest("Missing forced_down field");
                }
                s.forcedDown = body.get("forced_down").asBoolean();
                out.put("forced_down", s.forcedDown);
            }
        }
        s.updatedAt = nova.now();
        return Reply.ok(Wire.object().set("service", out));
    }

    private Reply hypervisors(Call call, boolean detail) {
        Microversion v = call.microversion();
        ArrayNode list = Wire.array();
        nova.services(h -> {
            for (ComputeHosts.Service s : h.computes()) {
                ObjectNode o = list.addObject();
                if (v.atLeast(53)) {
                    o.put("id", s.uuid);
                } else {
                    o.put("id", s.id);
                }
                o.put("hypervisor_hostname", s.host).put("state", s.up() ? "up" : "down")
                        .put("status", s.disabled ? "disabled" : "enabled");
                if (detail) {
                    o.put("hypervisor_type", "XenServer").put("hypervisor_version", 8002000)
                            .put("host_ip", "127.0.0.1");
                    ObjectNode svc = o.putObject("service").put("host", s.host).put("disabled_reason", s.disabledReason);
                    if (v.atLeast(53)) {
                        svc.put("id", s.uuid);
                    } else {
                        svc.put("id", s.id);
                    }
                    if (!v.atLeast(88)) {
                        o.put("vcpus", h.vcpus()).put("memory_mb", h.ramMb()).put("running_vms",
                                nova.servers(null).stream().filter(x -> s.host.equals(x.host)).count());
                    }
                }
            }
            return null;
        });
        return Reply.ok(Wire.object().set("hypervisors", list));
    }
}
