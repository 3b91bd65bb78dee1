-- Rollouts and the state of every host in them, written on each transition (resume after kill -9).
CREATE TABLE rollouts (
    rollout_id  VARCHAR(100) NOT NULL PRIMARY KEY,
    environment VARCHAR(200) NOT NULL,
    build_id    VARCHAR(200) NOT NULL,
    spec_json   VARCHAR      NOT NULL,
    status      VARCHAR(30)  NOT NULL,
    message     VARCHAR      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE rollout_hosts (
    rollout_id       VARCHAR(100) NOT NULL,
    host             VARCHAR(255) NOT NULL,
    cell             VARCHAR(200) NOT NULL,
    address          VARCHAR(255) NOT NULL,
    port             INTEGER      NOT NULL,
    wave             INTEGER      NOT NULL,
    position         INTEGER      NOT NULL,
    phase            VARCHAR(30)  NOT NULL,
    previous_version VARCHAR(200),
    message          VARCHAR      NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (rollout_id, host),
    FOREIGN KEY (rollout_id) REFERENCES rollouts (rollout_id)
);

CREATE INDEX rollout_hosts_by_position ON rollout_hosts (rollout_id, position);
