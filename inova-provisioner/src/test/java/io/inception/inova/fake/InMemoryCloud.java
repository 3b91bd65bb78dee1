package io.inception.inova.fake;

import io.inception.inova.cloud.Cloud;
import io.inception.inova.cloud.CloudServer;
import io.inception.inova.cloud.ComputeService;
import io.inception.inova.cloud.CreateOutcome;
import io.inception.inova.cloud.Limits;
import io.inception.inova.cloud.ServerRequest;
import io.inception.inova.cloud.ServerStatus;
import io.inception.inova.spec.ImageSource;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory {@link Cloud}: servers boot (BUILD → ACTIVE) after {@link #BOOT} on the clock, or
 * go to ERROR / hang when told; a quota on instances; compute services c-1..c-5.
 */
public final class InMemoryCloud implements Cloud {
    public static final Duration BOOT = Duration.ofSeconds(1);

    private final Clock clock;
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final Map<String, ComputeService> services = new LinkedHashMap<>();
    private final Map<String, String> images = new LinkedHashMap<>(Map.of("debian-12", "img-1"));
    private final Map<String, String> groups = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private int failNext;
    private int hang;
    private int maxInstances = -1;
    private boolean reportLimits = true;

    private static final class Server {
        CloudServer server;
        ServerStatus forced;
    }

    public InMemoryCloud(Clock clock) {
        this.clock = clock;
        for (int i = 1; i <= 5; i++) services.put("svc-" + i, new ComputeService("svc-" + i, "c-" + i, true, true, ""));
    }

    public synchronized void failNextBoots(int n) {
        failNext = n;
    }

    public synchronized void hangBoots(int n) {
        hang = n;
    }

    public synchronized void limitInstances(int max) {
        maxInstances = max;
    }

    /** Whether GET /limits answers (a cloud that does not report limits refuses at boot time only). */
    public synchronized void reportLimits(boolean on) {
        reportLimits = on;
    }

    public synchronized void breakServer(String id) {
        servers.get(id).forced = ServerStatus.ERROR;
    }

    @Override
    public synchronized List<CloudServer> servers(String namePrefix) {
        return servers.values().stream().map(this::now).filter(s -> s.name().startsWith(namePrefix))
                .sorted(Comparator.comparing(CloudServer::name)).toList();
    }

    @Override
    public synchronized Optional<CloudServer> server(String id) {
        return Optional.ofNullable(servers.get(id)).map(this::now);
    }

    @Override
    public synchronized CreateOutcome create(ServerRequest request) {
        if (maxInstances >= 0 && servers.size() >= maxInstances) {
            return new CreateOutcome.Refused(true, 403, "Quota exceeded for instances: Requested 1, but already used "
                    + servers.size() + " of " + maxInstances + " instances");
        }
        String id = "srv-" + ids.incrementAndGet();
        Server s = new Server();
        s.server = new CloudServer(id, request.name(), ServerStatus.BUILD, false, request.metadata(),
                "10.0.0." + ids.get(), clock.instant(), Optional.empty());
        if (failNext > 0) {
            failNext--;
            s.forced = ServerStatus.ERROR;
        } else if (hang > 0) {
            hang--;
            s.forced = ServerStatus.BUILD;
        }
        servers.put(id, s);
        return new CreateOutcome.Created(id);
    }

    private CloudServer now(Server s) {
        CloudServer c = s.server;
        ServerStatus status = s.forced != null ? s.forced
                : c.created().plus(BOOT).isAfter(clock.instant()) ? ServerStatus.BUILD : ServerStatus.ACTIVE;
        return new CloudServer(c.id(), c.name(), status, false, c.metadata(), c.address(), c.created(),
                status == ServerStatus.ERROR ? Optional.of("No valid host was found.") : Optional.empty());
    }

    @Override
    public synchronized void delete(String serverId) {
        servers.remove(serverId);
    }

    @Override
    public Optional<String> flavorId(String name) {
        return flavorNames().contains(name) ? Optional.of("flavor-" + name) : Optional.empty();
    }

    @Override
    public List<String> flavorNames() {
        return List.of("m1.small", "m1.medium");
    }

    @Override
    public synchronized Optional<String> imageId(String name) {
        return Optional.ofNullable(images.get(name));
    }

    @Override
    public synchronized String uploadImage(ImageSource source) {
        String id = "img-" + (images.size() + 1);
        images.put(source.name(), id);
        return id;
    }

    @Override
    public synchronized String antiAffinityGroup(String name) {
        return groups.computeIfAbsent(name, n -> "group-" + (groups.size() + 1));
    }

    @Override
    public boolean keyPairExists(String name) {
        return false;
    }

    @Override
    public synchronized List<ComputeService> computeServices() {
        return new ArrayList<>(services.values());
    }

    @Override
    public synchronized void setComputeService(String serviceId, boolean enabled, String reason) {
        ComputeService s = services.get(serviceId);
        services.put(serviceId, new ComputeService(s.id(), s.host(), enabled, s.up(), enabled ? "" : reason));
    }

    @Override
    public synchronized Optional<Limits> limits() {
        if (!reportLimits) return Optional.empty();
        return Optional.of(new Limits(maxInstances, servers.size(), -1, 0));
    }

    @Override
    public void close() {
    }
}
