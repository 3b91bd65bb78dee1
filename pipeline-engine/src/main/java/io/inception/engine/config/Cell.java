package io.inception.engine.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A compute cell of an environment and its hosts (ranges already expanded).
 *
 * @param name   cell name, unique in the environment
 * @param hosts  host names in the order written
 * @param region the region the cell is in ({@code region:}), or empty; in a cluster, a node that lists
 *               the region among its zones takes the cell's work as well as a node that lists the cell
 */
public record Cell(String name, List<String> hosts, Optional<String> region) {
    public Cell {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(region, "region");
    }

    /** A cell in no region. */
    public Cell(String name, List<String> hosts) {
        this(name, hosts, Optional.empty());
    }
}
