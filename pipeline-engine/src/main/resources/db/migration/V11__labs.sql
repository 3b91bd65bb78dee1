-- Self-service labs (module nested-xenserver) in the shared database, so every node of a cluster
-- sees them. Portable SQL: the same file migrates H2 2.x and PostgreSQL.
--
-- The engine keeps a lab generic: its id, owner and state for queries, the whole record as JSON
-- (the lab module's), and a generation. Each long operation on a lab (a build, a delete) starts a
-- new generation; writes of an older one are refused, so a node that lost its claim (it stalled and
-- another node took the work over) can no longer change the lab.
CREATE TABLE labs (
    lab_id      VARCHAR(100) NOT NULL PRIMARY KEY,
    owner       VARCHAR(200) NOT NULL,
    state       VARCHAR(20)  NOT NULL,
    generation  BIGINT       NOT NULL,
    lab_json    VARCHAR      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX labs_by_owner ON labs (owner, created_at);
