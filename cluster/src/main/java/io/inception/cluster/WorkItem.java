package io.inception.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * One unit of work in the cluster's queue: the wave of one cell's rollout, a lab operation.
 *
 * @param kind the {@link ClusterWork#kind()} that executes it
 * @param zone the zone it is bound to, or empty to run on any node
 * @param id   what it works on (a rollout id, a lab name); unique per kind and zone
 * @param data its progress as the work stores it (e.g. the wave index), never a secret
 */
public record WorkItem(String kind, Optional<String> zone, String id, String data) {
    public WorkItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(id, "id");
        data = data == null ? "" : data;
        if (!kind.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("invalid work kind '" + kind + "'");
        zone.ifPresent(z -> new Zones(java.util.Set.of(z)));
    }

    /** The same work with new progress data. */
    public WorkItem withData(String newData) {
        return new WorkItem(kind, zone, id, newData);
    }
}
