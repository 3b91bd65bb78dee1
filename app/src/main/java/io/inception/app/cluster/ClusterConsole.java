package io.inception.app.cluster;

import io.inception.cluster.ClusterConfig;
import io.inception.cluster.NodeRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code inception server --cluster} prints when its node joined: who it is, what it reaches, and the
 * other nodes it found in {@code cluster_nodes} — the way a Zuul executor or a Jenkins agent announces
 * itself, so an operator sees at once whether the node joined the cluster they meant.
 */
final class ClusterConsole {
    private ClusterConsole() {
    }

    static List<String> joined(ClusterConfig config, List<NodeRecord> nodes, Duration triggerTick, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add("inception server: cluster node " + config.nodeId() + ", zones " + zones(config.zones().toString())
                + ", heartbeat " + config.heartbeat().toSeconds() + " s, failover after " + config.failoverAfter().toSeconds()
                + " s");
        List<String> peers = nodes.stream().filter(n -> !n.nodeId().equals(config.nodeId()))
                .map(n -> peer(n, config.failoverAfter(), now)).toList();
        lines.add("inception server: peers: " + (peers.isEmpty() ? "none yet (the first node up)" : String.join(", ", peers)));
        lines.add("inception server: triggers are evaluated by one node of the cluster at a time, every "
                + triggerTick.toSeconds() + " s; runs a dead node left are resumed by another");
        return lines;
    }

    private static String peer(NodeRecord n, Duration failover, Instant now) {
        long silent = Math.max(0, Duration.between(n.heartbeatAt(), now).toSeconds());
        String state = silent > failover.toSeconds() ? "silent for " + silent + " s" : "up";
        return n.nodeId() + " (zones " + zones(n.zones().toString()) + ", " + state + ")";
    }

    private static String zones(String names) {
        return names.isEmpty() ? "none" : names;
    }
}
