package io.inception.cluster;

import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which region each compute cell is in ({@code cluster_cell_regions}), as published by whoever queues a
 * cell's work, from the environment file it planned with. A node lists zones; a zone that is a region
 * stands for the region's cells: {@link #cellsOf} expands it. Cell names are zones of the whole
 * cluster, so a cell name means one cell in every environment.
 */
public final class CellRegions {
    private final Jdbi jdbi;

    public CellRegions(DataSource dataSource) {
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Records the region of each cell of {@code environment} (cell → region); cells without one are removed. */
    public void publish(String environment, Map<String, String> regionByCell, Set<String> cellsWithoutRegion, Instant now) {
        jdbi.useTransaction(h -> {
            for (String cell : cellsWithoutRegion) {
                h.createUpdate("DELETE FROM cluster_cell_regions WHERE environment = :env AND cell = :cell")
                        .bind("env", environment).bind("cell", cell).execute();
            }
            for (Map.Entry<String, String> e : regionByCell.entrySet()) {
                int n = h.createUpdate("UPDATE cluster_cell_regions SET region = :region, updated_at = :at"
                                + " WHERE environment = :env AND cell = :cell")
                        .bind("env", environment).bind("cell", e.getKey()).bind("region", e.getValue())
                        .bind("at", Timestamp.from(now)).execute();
                if (n == 0) {
                    h.createUpdate("INSERT INTO cluster_cell_regions (environment, cell, region, updated_at)"
                                    + " VALUES (:env, :cell, :region, :at)")
                            .bind("env", environment).bind("cell", e.getKey()).bind("region", e.getValue())
                            .bind("at", Timestamp.from(now)).execute();
                }
            }
        });
    }

    /** The cells in any of {@code regions}, sorted. */
    public Set<String> cellsOf(Set<String> regions) {
        if (regions.isEmpty()) return Set.of();
        return jdbi.withHandle(h -> new TreeSet<>(h.createQuery("SELECT DISTINCT cell FROM cluster_cell_regions"
                        + " WHERE region IN (<regions>)").bindList("regions", java.util.List.copyOf(regions))
                .mapTo(String.class).list()));
    }
}
