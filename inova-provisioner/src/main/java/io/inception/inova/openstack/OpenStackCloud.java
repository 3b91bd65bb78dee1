package io.inception.inova.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.inception.inova.cloud.Cloud;
import io.inception.inova.cloud.CloudException;
import io.inception.inova.cloud.CloudServer;
import io.inception.inova.cloud.ComputeService;
import io.inception.inova.cloud.CreateOutcome;
import io.inception.inova.cloud.Limits;
import io.inception.inova.cloud.ServerRequest;
import io.inception.inova.cloud.ServerStatus;
import io.inception.inova.spec.ImageSource;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.common.Payloads;
import org.openstack4j.model.compute.Flavor;
import org.openstack4j.model.compute.ServerGroup;
import org.openstack4j.model.image.v2.ContainerFormat;
import org.openstack4j.model.image.v2.DiskFormat;
import org.openstack4j.model.image.v2.Image;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The real {@link Cloud}: openstack4j with a reused, renewed Identity v3 token; Compute at the
 * negotiated microversion (see {@link Microversion}); Image v2 find-or-upload.
 * <pre>{@code
 * try (Cloud cloud = OpenStackCloud.connect(login, Clock.systemUTC())) { cloud.servers("qe-"); }
 * }</pre>
 */
public final class OpenStackCloud implements Cloud {
    private final KeystoneSession session;
    private final ComputeApi compute;
    private final String microversion;

    private OpenStackCloud(KeystoneSession session, String microversion) {
        this.session = session;
        this.microversion = microversion;
        this.compute = new ComputeApi(microversion);
    }

    /** Logs in (failing with the reason when Identity refuses) and negotiates the compute microversion. */
    public static OpenStackCloud connect(KeystoneLogin login, Clock clock) {
        Config config = Config.newConfig().withConnectionTimeout(10_000).withReadTimeout(120_000);
        KeystoneSession session = new KeystoneSession(login, config, clock);
        session.client();
        ComputeApi.Reply versions = new ComputeApi(null).get("/");
        session.remember();
        if (!versions.ok()) throw versions.error("reading iNova Compute's version document");
        String version = Microversion.negotiate(versions.body());
        session.headers(Map.of(ComputeApi.VERSION_HEADER, "compute " + version));
        return new OpenStackCloud(session, version);
    }

    /** The compute microversion in use. */
    public String microversion() {
        return microversion;
    }

    /** How many tokens this client obtained (first login plus renewals). */
    public int logins() {
        return session.logins();
    }

    @Override
    public List<CloudServer> servers(String namePrefix) {
        return call(os -> {
            List<CloudServer> out = new ArrayList<>();
            String marker = null;
            while (true) {
                String query = "/servers/detail?limit=200" + (namePrefix.isEmpty() ? "" : "&name=" + encode("^" + quote(namePrefix)))
                        + (marker == null ? "" : "&marker=" + encode(marker));
                ComputeApi.Reply reply = compute.get(query);
                if (!reply.ok()) throw reply.error("listing servers");
                JsonNode servers = reply.body().path("servers");
                for (JsonNode s : servers) {
                    CloudServer server = server(s);
                    if (server.name().startsWith(namePrefix)) out.add(server);
                }
                if (servers.size() < 200 || !reply.body().has("servers_links")) break;
                marker = servers.get(servers.size() - 1).path("id").asText();
            }
            out.sort(Comparator.comparing(CloudServer::name));
            return out;
        });
    }

    @Override
    public Optional<CloudServer> server(String id) {
        return call(os -> {
            ComputeApi.Reply reply = compute.get("/servers/" + encode(id));
            if (reply.status() == 404) return Optional.empty();
            if (!reply.ok()) throw reply.error("reading server " + id);
            return Optional.of(server(reply.body().path("server")));
        });
    }

    @Override
    public CreateOutcome create(ServerRequest request) {
        return call(os -> {
            Map<String, Object> server = ComputeApi.object("name", request.name(), "flavorRef", request.flavorId(),
                    "imageRef", request.imageId(), "networks", "none", "metadata", request.metadata());
            request.keyName().ifPresent(k -> server.put("key_name", k));
            Map<String, Object> body = ComputeApi.object("server", server);
            request.serverGroupId().ifPresent(g -> body.put("os:scheduler_hints", Map.of("group", g)));
            ComputeApi.Reply reply = compute.post("/servers", body);
            if (reply.ok()) return new CreateOutcome.Created(reply.body().path("server").path("id").asText());
            boolean quota = (reply.status() == 403 || reply.status() == 413)
                    && reply.message().toLowerCase(java.util.Locale.ROOT).contains("quota");
            if (quota || reply.status() == 400 || reply.status() == 403 || reply.status() == 409) {
                return new CreateOutcome.Refused(quota, reply.status(), reply.message());
            }
            throw reply.error("booting server " + request.name());
        });
    }

    @Override
    public void delete(String serverId) {
        call(os -> {
            ActionResponse r = os.compute().servers().delete(serverId);
            if (!r.isSuccess() && r.getCode() != 404) {
                throw new CloudException("deleting server " + serverId + ": HTTP " + r.getCode() + ": " + r.getFault(),
                        r.getCode(), r.getCode() >= 500 || r.getCode() == 409);
            }
            return null;
        });
    }

    @Override
    public Optional<String> flavorId(String name) {
        return call(os -> os.compute().flavors().list().stream().filter(f -> name.equals(f.getName()))
                .map(Flavor::getId).findFirst());
    }

    @Override
    public List<String> flavorNames() {
        return call(os -> os.compute().flavors().list().stream().map(Flavor::getName).sorted().toList());
    }

    @Override
    public Optional<String> imageId(String name) {
        return call(os -> os.imagesV2().list(Map.of("name", name)).stream()
                .filter(i -> name.equals(i.getName()) && i.getStatus() == Image.ImageStatus.ACTIVE)
                .map(Image::getId).findFirst());
    }

    @Override
    public String uploadImage(ImageSource source) {
        return call(os -> {
            Image image = os.imagesV2().create(Builders.imageV2().name(source.name())
                    .diskFormat(DiskFormat.value(source.diskFormat()))
                    .containerFormat(ContainerFormat.value(source.containerFormat())).build());
            ActionResponse r = os.imagesV2().upload(image.getId(), Payloads.create(source.file().toFile()), image);
            if (!r.isSuccess()) {
                throw new CloudException("uploading image '" + source.name() + "' from " + source.file() + ": HTTP "
                        + r.getCode() + ": " + r.getFault(), r.getCode(), r.getCode() >= 500);
            }
            return image.getId();
        });
    }

    @Override
    public String antiAffinityGroup(String name) {
        return call(os -> os.compute().serverGroups().list().stream().filter(g -> name.equals(g.getName()))
                .map(ServerGroup::getId).findFirst()
                .orElseGet(() -> os.compute().serverGroups().create(name, "anti-affinity").getId()));
    }

    @Override
    public boolean keyPairExists(String name) {
        return call(os -> os.compute().keypairs().get(name) != null);
    }

    @Override
    public List<ComputeService> computeServices() {
        return services("/os-services?binary=nova-compute");
    }

    @Override
    public List<ComputeService> computeServices(String host) {
        return services("/os-services?binary=nova-compute&host=" + encode(host));
    }

    private List<ComputeService> services(String path) {
        return call(os -> {
            ComputeApi.Reply reply = compute.get(path);
            if (!reply.ok()) throw reply.error("listing compute services");
            List<ComputeService> out = new ArrayList<>();
            for (JsonNode s : reply.body().path("services")) {
                out.add(new ComputeService(s.path("id").asText(), s.path("host").asText(),
                        "enabled".equals(s.path("status").asText()), "up".equals(s.path("state").asText()),
                        s.path("disabled_reason").isNull() ? "" : s.path("disabled_reason").asText("")));
            }
            return out;
        });
    }

    @Override
    public void setComputeService(String serviceId, boolean enabled, String reason) {
        call(os -> {
            Map<String, Object> body = enabled ? ComputeApi.object("status", "enabled")
                    : ComputeApi.object("status", "disabled", "disabled_reason", reason);
            ComputeApi.Reply reply = compute.put("/os-services/" + encode(serviceId), body);
            if (!reply.ok()) throw reply.error((enabled ? "enabling" : "disabling") + " compute service " + serviceId);
            return null;
        });
    }

    @Override
    public Optional<Limits> limits() {
        return call(os -> {
            ComputeApi.Reply reply = compute.get("/limits");
            if (reply.status() == 404) return Optional.empty();
            if (!reply.ok()) throw reply.error("reading limits");
            JsonNode a = reply.body().path("limits").path("absolute");
            if (!a.has("maxTotalInstances")) return Optional.empty();
            return Optional.of(new Limits(a.path("maxTotalInstances").asInt(-1), a.path("totalInstancesUsed").asInt(0),
                    a.path("maxTotalCores").asInt(-1), a.path("totalCoresUsed").asInt(0)));
        });
    }

    @Override
    public void close() {
        // openstack4j opens a connection per request; nothing is held between calls
    }

    /** Runs {@code work} with this thread bound to the session; maps openstack4j's exceptions. */
    private <T> T call(Function<OSClientV3, T> work) {
        OSClientV3 os = session.client();
        try {
            return work.apply(os);
        } catch (ConnectionException e) {
            throw new CloudException("cannot reach iNova: " + e.getMessage(), 0, true, e);
        } catch (ResponseException e) {
            throw new CloudException("iNova answered HTTP " + e.getStatus() + ": " + e.getMessage(), e.getStatus(),
                    e.getStatus() >= 500 || e.getStatus() == 409, e);
        } finally {
            session.remember();
        }
    }

    static CloudServer server(JsonNode s) {
        Map<String, String> metadata = new LinkedHashMap<>();
        s.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        String task = s.path("OS-EXT-STS:task_state").asText("");
        Instant created = s.hasNonNull("created") ? Instant.parse(s.get("created").asText()) : Instant.EPOCH;
        String fault = s.path("fault").path("message").asText("");
        return new CloudServer(s.path("id").asText(), s.path("name").asText(), ServerStatus.of(s.path("status").asText()),
                "deleting".equals(task), metadata, address(s), created,
                fault.isEmpty() ? Optional.empty() : Optional.of(fault));
    }

    private static String address(JsonNode s) {
        for (JsonNode network : s.path("addresses")) {
            for (JsonNode a : network) {
                if (a.path("version").asInt(4) == 4 && a.hasNonNull("addr")) return a.get("addr").asText();
            }
        }
        return s.path("accessIPv4").asText("");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Escapes regex metacharacters (Nova's name filter is a regular expression). */
    private static String quote(String s) {
        return s.replaceAll("([\\\\.^$|?*+()\\[\\]{}])", "\\\\$1");
    }
}
