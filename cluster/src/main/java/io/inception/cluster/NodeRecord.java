package io.inception.cluster;

import java.time.Instant;

/** A row of {@code cluster_nodes}: a node, its zones and its last heartbeat. */
public record NodeRecord(String nodeId, Zones zones, Instant startedAt, Instant heartbeatAt) {
}
