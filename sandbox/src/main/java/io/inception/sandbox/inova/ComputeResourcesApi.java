package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Nova's key pairs, server groups, limits and quota sets. Services are in {@link ComputeServicesApi}. */
final class ComputeResourcesApi {
    private final Nova nova;
    private final Keypairs keypairs;

    ComputeResourcesApi(Nova nova, Keypairs keypairs) {
        this.nova = nova;
        this.keypairs = keypairs;
    }

    void register(Router.Registrar r) {
        String v = ComputeApi.V;
        r.route("GET", v + "/os-keypairs/?", this::keypairList);
        r.route("POST", v + "/os-keypairs/?", this::keypairCreate);
        r.route("GET", v + "/os-keypairs/([^/]+)/?", call -> Reply.ok(Wire.object().set("keypair",
                keypair(keypair(call), call.microversion(), true))));
        r.route("DELETE", v + "/os-keypairs/([^/]+)/?", call -> {
            keypairs.delete(call.token().user().id(), keypair(call).name());
            return Reply.empty(call.microversion().atLeast(2) ? 204 : 202);
        });
        r.route("GET", v + "/os-server-groups/?", call -> {
            ArrayNode list = Wire.array();
            nova.read(() -> nova.groups(call.token().project().id())).forEach(g -> list.add(group(g, call)));
            return Reply.ok(Wire.object().set("server_groups", list));
        });
        r.route("POST", v + "/os-server-groups/?", this::groupCreate);
        r.route("GET", v + "/os-server-groups/([^/]+)/?", call -> Reply.ok(Wire.object().set("server_group",
                group(nova.group(call.param(0)), call))));
        r.route("DELETE", v + "/os-server-groups/([^/]+)/?", call -> {
            nova.deleteGroup(call.param(0));
            return Reply.empty(204);
        });
        r.route("GET", v + "/limits/?", this::limits);
        r.route("GET", v + "/os-quota-sets/([^/]+)/?", this::quotaSet);
    }

    private Keypairs.Keypair keypair(Call call) {
        String user = call.token().user().id();
        return keypairs.find(user, call.param(0)).orElseThrow(() -> ApiError.novaNotFound(
                "Keypair " + call.param(0) + " not found for user " + user));
    }

    private Reply keypairList(Call call) {
        ArrayNode list = Wire.array();
        keypairs.list(call.token().user().id()).forEach(k -> list.addObject().set("keypair",
                keypair(k, call.microversion(), false)));
        return Reply.ok(Wire.object().set("keypairs", list));
    }

    private Reply keypairCreate(Call call) {
        JsonNode k = call.jsonBody().path("keypair");
        JsonNode name = k.get("name");
        if (name == null || !name.isTextual()) {
            throw ComputeApi.invalid("keypair", k, "'name' is a required property");
        }
        if (!name.asText().matches("[a-zA-Z0-9 _\\-@.]{1,255}")) {
            throw ComputeApi.invalid("name", name, "'" + name.asText() + "' does not match '^[a-zA-Z0-9 _@.-]+$'");
        }
        String type = call.microversion().atLeast(2) ? k.path("type").asText("ssh") : "ssh";
        String publicKey = k.hasNonNull("public_key") ? k.get("public_key").asText() : null;
        Keypairs.Created made = keypairs.create(call.token().user().id(), name.asText(), publicKey, type, nova.now());
        ObjectNode out = keypair(made.keypair(), call.microversion(), false);
        out.put("user_id", made.keypair().userId());
        if (made.privateKey() != null) {
            out.put("private_key", made.privateKey());
        }
        return Reply.json(call.microversion().atLeast(2) ? 201 : 200, Wire.object().set("keypair", out));
    }

    private static ObjectNode keypair(Keypairs.Keypair k, Microversion v, boolean full) {
        ObjectNode o = Wire.object().put("name", k.name()).put("public_key", k.publicKey())
                .put("fingerprint", k.fingerprint());
        if (v.atLeast(2)) {
            o.put("type", k.type());
        }
        if (full) {
            o.put("user_id", k.userId()).put("deleted", false).put("created_at", Wire.naive(k.createdAt()))
                    .putNull("deleted_at").putNull("updated_at").put("id", k.id());
        }
        return o;
    }

    private Reply groupCreate(Call call) {
        JsonNode g = call.jsonBody().path("server_group");
        Microversion v = call.microversion();
        String name = g.path("name").asText(null);
        if (name == null) {
            throw ComputeApi.invalid("server_group", g, "'name' is a required property");
        }
        String policy;
        int maxPerHost = 1;
        if (v.atLeast(64)) {
            policy = g.path("policy").asText(null);
            if (policy == null) {
                throw ComputeApi.invalid("server_group", g, "'policy' is a required property");
            }
            if (g.path("rules").has("max_server_per_host")) {
                if (!policy.equals("anti-affinity")) {
                    throw ApiError.novaBadRequest("Only anti-affinity policy supports rules.");
                }
                maxPerHost = g.path("rules").path("max_server_per_host").asInt();
            }
        } else {
            JsonNode ps = g.path("policies");
            if (!ps.isArray() || ps.size() != 1) {
                throw ComputeApi.invalid("policies", ps.isMissingNode() ? null : ps, "is not a list of one policy");
            }
            policy = ps.get(0).asText();
        }
        List<String> allowed = v.atLeast(15) ? ServerGroup.POLICIES : ServerGroup.POLICIES.subList(0, 2);
        if (!allowed.contains(policy)) {
            throw ComputeApi.invalid("policies", g, "'" + policy + "' is not one of " + allowed);
        }
        ServerGroup made = nova.createGroup(name, policy, maxPerHost, call.token().project().id(),
                call.token().user().id());
        return Reply.ok(Wire.object().set("server_group", group(made, call)));
    }

    private ObjectNode group(ServerGroup g, Call call) {
        Microversion v = call.microversion();
        ObjectNode o = Wire.object().put("id", g.id).put("name", g.name);
        if (v.atLeast(64)) {
            o.put("policy", g.policy);
            ObjectNode rules = o.putObject("rules");
            if (g.policy.equals("anti-affinity") && g.maxPerHost > 1) {
                rules.put("max_server_per_host", g.maxPerHost);
            }
        } else {
            o.putArray("policies").add(g.policy);
            o.putObject("metadata");
        }
        ArrayNode members = o.putArray("members");
        nova.read(() -> List.copyOf(g.members)).forEach(members::add);
        if (v.atLeast(13)) {
            o.put("project_id", g.projectId).put("user_id", g.userId);
        }
        return o;
    }

    private Reply limits(Call call) {
        Microversion v = call.microversion();
        String project = call.token().project().id();
        InovaSpec.Quota q = nova.quota();
        List<Server> mine = nova.servers(project);
        ObjectNode abs = Wire.object();
        abs.put("maxTotalInstances", q.instances()).put("maxTotalCores", q.cores()).put("maxTotalRAMSize", q.ramMb())
                .put("maxServerMeta", 128).put("maxImageMeta", 128).put("maxTotalKeypairs", 100)
                .put("maxServerGroups", Nova.GROUPS_QUOTA).put("maxServerGroupMembers", Nova.GROUP_MEMBERS_QUOTA)
                .put("totalInstancesUsed", mine.size())
                .put("totalCoresUsed", mine.stream().mapToInt(s -> s.flavor.vcpus()).sum())
                .put("totalRAMUsed", mine.stream().mapToInt(s -> s.flavor.ramMb()).sum())
                .put("totalServerGroupsUsed", nova.groups(project).size());
        if (!v.atLeast(57)) {
            abs.put("maxPersonality", 5).put("maxPersonalitySize", 10240);
        }
        if (!v.atLeast(36)) {
            abs.put("maxSecurityGroups", 10).put("maxSecurityGroupRules", 20).put("maxTotalFloatingIps", 10)
                    .put("totalSecurityGroupsUsed", 0).put("totalFloatingIpsUsed", 0);
        }
        ObjectNode limits = Wire.object();
        limits.set("absolute", abs);
        limits.putArray("rate");
        return Reply.ok(Wire.object().set("limits", limits));
    }

    private Reply quotaSet(Call call) {
        InovaSpec.Quota q = nova.quota();
        ObjectNode o = Wire.object().put("id", call.param(0)).put("instances", q.instances()).put("cores", q.cores())
                .put("ram", q.ramMb()).put("metadata_items", 128).put("key_pairs", 100)
                .put("server_groups", Nova.GROUPS_QUOTA).put("server_group_members", Nova.GROUP_MEMBERS_QUOTA);
        if (!call.microversion().atLeast(57)) {
            o.put("injected_files", 5).put("injected_file_content_bytes", 10240).put("injected_file_path_bytes", 255);
        }
        return Reply.ok(Wire.object().set("quota_set", o));
    }
}
