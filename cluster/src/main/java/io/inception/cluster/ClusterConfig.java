package io.inception.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How one node takes part in the cluster.
 *
 * @param nodeId           its name in claims and in {@code cluster_nodes} (unique in the cluster, at most 50 chars)
 * @param zones            the zones it reaches
 * @param heartbeat        how often it renews its claims and its node record
 * @param missedHeartbeats how many heartbeats a claim may miss before another node takes the work over:
 *                         failover comes {@code heartbeat × missedHeartbeats} after a death
 * @param pollInterval     how often it looks for due work
 * @param threads          how many items it executes at once
 * @param retryAfter       when an item whose execution threw is tried again
 * @param shutdownWait     how long a graceful stop waits for executing items to hand over
 * @param zoneRefresh      how often it looks whether the regions among its zones gained or lost cells
 */
public record ClusterConfig(String nodeId, Zones zones, Duration heartbeat, int missedHeartbeats, Duration pollInterval,
                            int threads, Duration retryAfter, Duration shutdownWait, Duration zoneRefresh) {
    public ClusterConfig {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(zones, "zones");
        if (!nodeId.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,49}")) {
            throw new IllegalArgumentException("invalid node id '" + nodeId + "': letters, digits, '.', '_', ':', '-';"
                    + " at most 50 characters");
        }
        if (missedHeartbeats < 4) throw new IllegalArgumentException("missedHeartbeats must be at least 4 (db-scheduler's minimum)");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
    }

    /**
     * Production defaults: heartbeat 10 s, failover after 6 missed (1 min), poll every 2 s, 8 threads,
     * the cells of its regions looked at every 30 s.
     */
    public static ClusterConfig of(String nodeId, Zones zones) {
        return new ClusterConfig(nodeId, zones, Duration.ofSeconds(10), 6, Duration.ofSeconds(2), 8,
                Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofSeconds(30));
    }

    public ClusterConfig withZoneRefresh(Duration every) {
        return new ClusterConfig(nodeId, zones, heartbeat, missedHeartbeats, pollInterval, threads, retryAfter, shutdownWait,
                every);
    }

    public ClusterConfig withHeartbeat(Duration every, int missed) {
        return new ClusterConfig(nodeId, zones, every, missed, pollInterval, threads, retryAfter, shutdownWait, zoneRefresh);
    }

    public ClusterConfig withPollInterval(Duration every) {
        return new ClusterConfig(nodeId, zones, heartbeat, missedHeartbeats, every, threads, retryAfter, shutdownWait, zoneRefresh);
    }

    public ClusterConfig withThreads(int n) {
        return new ClusterConfig(nodeId, zones, heartbeat, missedHeartbeats, pollInterval, n, retryAfter, shutdownWait, zoneRefresh);
    }

    public ClusterConfig withRetryAfter(Duration after) {
        return new ClusterConfig(nodeId, zones, heartbeat, missedHeartbeats, pollInterval, threads, after, shutdownWait, zoneRefresh);
    }

    /** How long after its last heartbeat a dead node's claims are taken over. */
    public Duration failoverAfter() {
        return heartbeat.multipliedBy(missedHeartbeats);
    }
}
