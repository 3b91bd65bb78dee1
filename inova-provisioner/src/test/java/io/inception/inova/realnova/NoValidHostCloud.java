package io.inception.inova.realnova;

import io.inception.inova.cloud.Cloud;
import io.inception.inova.cloud.CloudServer;
import io.inception.inova.cloud.ComputeService;
import io.inception.inova.cloud.CreateOutcome;
import io.inception.inova.cloud.Limits;
import io.inception.inova.cloud.ServerRequest;
import io.inception.inova.cloud.ServerStatus;
import io.inception.inova.spec.ImageSource;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A real Nova whose next boots fail the way they do when no host can take them: every compute
 * service is disabled, and the read that first shows the n-th failed server enables them again
 * before it answers. The provisioner retries only after such a read, so exactly n boots fail.
 */
final class NoValidHostCloud implements Cloud {
    private final Cloud cloud;
    private String prefix;
    private int failures;
    private final Set<String> failed = new HashSet<>();

    NoValidHostCloud(Cloud cloud) {
        this.cloud = cloud;
    }

    /** The next {@code n} boots of servers named {@code prefix}… end in ERROR ("No valid host was found"). */
    synchronized void failNextBoots(String namePrefix, int n) {
        prefix = namePrefix;
        failures = n;
        failed.clear();
        setComputes(false);
    }

    /** Every compute service enabled again, no boot made to fail. */
    synchronized void reset() {
        prefix = null;
        setComputes(true);
    }

    private synchronized <T extends Iterable<CloudServer>> T seen(T servers) {
        if (prefix == null) return servers;
        for (CloudServer s : servers) {
            if (s.name().startsWith(prefix) && s.status() == ServerStatus.ERROR) failed.add(s.id());
        }
        if (failed.size() >= failures) reset();
        return servers;
    }

    private void setComputes(boolean enabled) {
        for (ComputeService s : cloud.computeServices()) {
            if (s.enabled() != enabled) cloud.setComputeService(s.id(), enabled, "inception test: no valid host");
        }
    }

    @Override
    public List<CloudServer> servers(String namePrefix) {
        return seen(cloud.servers(namePrefix));
    }

    @Override
    public Optional<CloudServer> server(String id) {
        Optional<CloudServer> server = cloud.server(id);
        seen(server.stream().toList());
        return server;
    }

    @Override
    public CreateOutcome create(ServerRequest request) {
        return cloud.create(request);
    }

    @Override
    public void delete(String serverId) {
        cloud.delete(serverId);
    }

    @Override
    public Optional<String> flavorId(String name) {
        return cloud.flavorId(name);
    }

    @Override
    public List<String> flavorNames() {
        return cloud.flavorNames();
    }

    @Override
    public Optional<String> imageId(String name) {
        return cloud.imageId(name);
    }

    @Override
    public String uploadImage(ImageSource source) {
        return cloud.uploadImage(source);
    }

    @Override
    public String antiAffinityGroup(String name) {
        return cloud.antiAffinityGroup(name);
    }

    @Override
    public boolean keyPairExists(String name) {
        return cloud.keyPairExists(name);
    }

    @Override
    public List<ComputeService> computeServices() {
        return cloud.computeServices();
    }

    @Override
    public void setComputeService(String serviceId, boolean enabled, String reason) {
        cloud.setComputeService(serviceId, enabled, reason);
    }

    @Override
    public Optional<Limits> limits() {
        return cloud.limits();
    }

    @Override
    public void close() {
        cloud.close();
    }
}
