package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A simulated iNova — the private OpenStack cloud the control plane runs on — on loopback:
 * Keystone v3 under {@code /identity}, Nova's compute API v2.1 (microversions 2.1–2.79) under
 * {@code /compute}, Glance v2 under {@code /image}, all on one ephemeral port of 127.0.0.1.
 *
 * <pre>{@code
 * try (InovaSimulator inova = InovaSimulator.start(InovaSpec.defaults())) {
 *     // OS_AUTH_URL=inova.authUrl(), OS_USERNAME=inova.username(), OS_PASSWORD=inova.password(),
 *     // OS_PROJECT_NAME=inova.project(), OS_USER_DOMAIN_NAME=OS_PROJECT_DOMAIN_NAME=inova.domain()
 *     inova.faults().failNextBoot("^api-");
 * }
 * }</pre>
 *
 * Faults are injected from Java ({@link #faults()}) or over HTTP with a token:
 * {@code POST /sandbox/faults/fail-boots {"name_regex", "count", "message"}}, {@code POST .../hang-boots},
 * {@code PUT|DELETE .../quota {"instances", "cores", "ram"}}, {@code POST .../kill {"server", "to",
 * "after_seconds"}}, {@code PUT .../compute-hosts/{host} {"down": true}}.
 *
 * <p>Servers go BUILD → ACTIVE once the spec's boot delay has passed on the spec's clock (checked when
 * they are read; nothing sleeps). iNova has no Neutron: from 2.37 a server is created with
 * {@code networks: "none"}; it still gets one loopback address ({@code 127.64.x.y}) in its
 * {@code addresses} under network {@code private}, so tools have something to reach.
 */
public final class InovaSimulator implements AutoCloseable {
    /** A server as the cloud's operator sees it (tests, demo). */
    public record ServerInfo(String id, String name, String status, String host, String address, String flavorId,
                             String imageId, Map<String, String> metadata, String faultMessage) {
    }

    /** A row of {@code os-services}. */
    public record ServiceInfo(String host, String binary, boolean enabled, String disabledReason, boolean up) {
    }

    private final InovaSpec spec;
    private final HttpServer http;
    private final ExecutorService pool;
    private final InovaFaults faults = new InovaFaults();
    private final Nova nova;
    private final String baseUrl;

    static {
        // The JDK server writes a response's headers and body in two segments; without TCP_NODELAY a
        // client's delayed ACK stalls every answer with a body by ~40 ms. Read once, when the JDK's
        // server classes load: set it before any com.sun.net.httpserver server starts in this JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private InovaSimulator(InovaSpec spec) throws IOException {
        this.spec = spec;
        Ids ids = new Ids(spec.seed());
        Identity identity = new Identity(spec, ids);
        Glance glance = new Glance(spec, ids, identity.projects().get(0).id());
        Keypairs keypairs = new Keypairs();
        this.nova = new Nova(spec, ids, faults);
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        baseUrl = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + http.getAddress().getPort();
        Router router = new Router(baseUrl);
        new IdentityApi(identity, new Catalog(spec.region(), ids)).register(router);
        Router.Registrar compute = new ComputeApi(nova, glance, keypairs, identity, spec, ids).register(router);
        new ComputeResourcesApi(nova, keypairs).register(compute);
        new ComputeServicesApi(nova).register(compute);
        new ImageApi(glance, identity).register(router);
        new FaultsApi(faults, identity).register(router);
        pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "inova-sim-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(pool);
        http.createContext("/", router::handle);
        http.start();
    }

    /** Starts the cloud on 127.0.0.1 with an ephemeral port. */
    public static InovaSimulator start(InovaSpec spec) {
        try {
            return new InovaSimulator(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("the iNova simulator could not listen on loopback", e);
        }
    }

    /**
     * Makes servers reachable: e.g. {@code ServerReachability.over(fleet)} turns every ACTIVE server into
     * an SSH host of that sandbox fleet at its own address. Servers already ACTIVE are announced now.
     */
    public InovaSimulator reachability(ServerReachability reachability) {
        nova.reachability(reachability);
        return this;
    }

    /** Starts {@link InovaSpec#defaults()}. */
    public static InovaSimulator start() {
        return start(InovaSpec.defaults());
    }

    /** {@code http://127.0.0.1:PORT}: the root of all three services. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The Keystone v3 URL clients authenticate against: {@code http://127.0.0.1:PORT/identity/v3}. */
    public String authUrl() {
        return baseUrl + "/identity/v3";
    }

    /** The compute endpoint of the catalogue: {@code http://127.0.0.1:PORT/compute/v2.1}. */
    public String computeUrl() {
        return baseUrl + "/compute/v2.1";
    }

    /** The image endpoint of the catalogue: {@code http://127.0.0.1:PORT/image}. */
    public String imageUrl() {
        return baseUrl + "/image";
    }

    public String username() {
        return spec.admin().name();
    }

    /** The sandbox user's password (simulator data, never a real credential; do not log it). */
    public String password() {
        return spec.admin().password();
    }

    public String project() {
        return spec.admin().project();
    }

    /** The user's and project's domain name ({@code Default}). */
    public String domain() {
        return spec.admin().domain();
    }

    public String region() {
        return spec.region();
    }

    public InovaSpec spec() {
        return spec;
    }

    public InovaFaults faults() {
        return faults;
    }

    /** Every server of every project, newest first, with its state now. */
    public List<ServerInfo> servers() {
        return nova.read(() -> nova.servers(null).stream().map(s -> new ServerInfo(s.id, s.displayName, s.status,
                s.host, s.address, s.flavor.id(), s.imageId, Map.copyOf(s.metadata),
                s.fault == null || !s.status.equals("ERROR") ? null : s.fault.message())).toList());
    }

    /** The scheduler, conductor and every nova-compute service, as {@code os-services} lists them. */
    public List<ServiceInfo> services() {
        return nova.services(h -> h.all().stream().map(s -> new ServiceInfo(s.host, s.binary, !s.disabled,
                s.disabledReason, s.up())).toList());
    }

    /**
     * The {@code keystone} object of {@code inception sandbox up --json}: url, username, password,
     * project, domain — the sandbox's own throwaway credential, printed there on purpose.
     */
    public ObjectNode describeJson() {
        return new ObjectMapper().createObjectNode().put("url", authUrl()).put("username", username())
                .put("password", password()).put("project", project()).put("domain", domain());
    }

    @Override
    public String toString() {
        return "InovaSimulator[" + authUrl() + ", user " + username() + ", password=***]";
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
    }
}
