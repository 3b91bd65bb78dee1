-- The region of each compute cell, as the environment file of the last rollout queued for the cell
-- said: a cluster node listing a region among its zones claims the work of the region's cells.
CREATE TABLE cluster_cell_regions (
    environment VARCHAR(200) NOT NULL,
    cell        VARCHAR(200) NOT NULL,
    region      VARCHAR(63)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (environment, cell)
);
