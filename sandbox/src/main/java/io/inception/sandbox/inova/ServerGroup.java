package io.inception.sandbox.inova;

import java.util.ArrayList;
import java.util.List;

/** A Nova server group: a placement policy over its members. Guarded by the {@link Nova} lock. */
final class ServerGroup {
    static final List<String> POLICIES = List.of("anti-affinity", "affinity", "soft-anti-affinity", "soft-affinity");

    final String id;
    final String name;
    final String policy;
    /** {@code max_server_per_host} of an anti-affinity group (2.64+); 1 otherwise. */
    final int maxPerHost;
    final String projectId;
    final String userId;
    final List<String> members = new ArrayList<>();

    ServerGroup(String id, String name, String policy, int maxPerHost, String projectId, String userId) {
        this.id = id;
        this.name = name;
        this.policy = policy;
        this.maxPerHost = maxPerHost;
        this.projectId = projectId;
        this.userId = userId;
    }

    /** Whether a new member may go on {@code host} given where the members are ({@code hostOf}). */
    boolean allows(String host, List<String> memberHosts) {
        long onHost = memberHosts.stream().filter(host::equals).count();
        return switch (policy) {
            case "anti-affinity" -> onHost < maxPerHost;
            case "affinity" -> memberHosts.isEmpty() || memberHosts.contains(host);
            default -> true;
        };
    }
}
