-- Clustered scheduling (module cluster). Portable SQL: the same file migrates H2 2.x and PostgreSQL.
--
-- scheduled_tasks is db-scheduler's documented PostgreSQL table, with VARCHAR for its text columns
-- (same meaning on PostgreSQL; H2's TEXT is a CLOB, which cannot be a key). One row is one unit of
-- work: claimed (picked) by one node, kept alive by that node's heartbeat, revived by another node
-- when the heartbeat stops.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR     NOT NULL,
    task_instance        VARCHAR     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN     NOT NULL,
    picked_by            VARCHAR,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT      NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- The Inception nodes of a cluster: the zones (compute cells, regions) each can reach and its own
-- heartbeat, for operators and the UI (claims themselves are kept alive in scheduled_tasks).
CREATE TABLE cluster_nodes (
    node_id      VARCHAR(200) NOT NULL PRIMARY KEY,
    zones        VARCHAR      NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
