-- One deploying (RUNNING) promotion per environment across every process and cluster node: the row of an
-- environment is taken when its promotion starts deploying and removed when that promotion ends.
CREATE TABLE promotion_slots (
    environment   VARCHAR(200) NOT NULL PRIMARY KEY,
    promotion_id  VARCHAR(80)  NOT NULL,
    taken_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
