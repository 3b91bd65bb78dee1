-- What each scheduler trigger remembers across restarts (last trunk SHA seen, last fire time).
CREATE TABLE trigger_state (
    trigger_name VARCHAR(200) NOT NULL PRIMARY KEY,
    state_json   VARCHAR      NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
