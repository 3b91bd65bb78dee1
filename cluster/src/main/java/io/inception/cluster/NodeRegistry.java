package io.inception.cluster;

import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The {@code cluster_nodes} table: which nodes are up, what they reach, when they last beat. */
public final class NodeRegistry {
    private final Jdbi jdbi;

    public NodeRegistry(DataSource dataSource) {
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Records (or re-records, after a restart under the same id) a node. */
    public void register(String nodeId, Zones zones, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM cluster_nodes WHERE node_id = :id").bind("id", nodeId).execute();
            h.createUpdate("INSERT INTO cluster_nodes (node_id, zones, started_at, heartbeat_at) VALUES (:id, :zones, :now, :now)")
                    .bind("id", nodeId).bind("zones", zones.toString()).bind("now", Timestamp.from(now)).execute();
        });
    }

    public void heartbeat(String nodeId, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE cluster_nodes SET heartbeat_at = :now WHERE node_id = :id")
                .bind("now", Timestamp.from(now)).bind("id", nodeId).execute());
    }

    /** Removes a node that stopped cleanly. */
    public void remove(String nodeId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM cluster_nodes WHERE node_id = :id").bind("id", nodeId).execute());
    }

    /** Every recorded node, by id. */
    public List<NodeRecord> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT node_id, zones, started_at, heartbeat_at FROM cluster_nodes ORDER BY node_id")
                .map((rs, ctx) -> new NodeRecord(rs.getString("node_id"), Zones.parse(rs.getString("zones")),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("heartbeat_at").toInstant()))
                .list());
    }
}
