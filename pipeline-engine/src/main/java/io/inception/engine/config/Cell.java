package io.inception.engine.config;

import java.util.List;

/**
 * A compute cell of an environment and its hosts (ranges already expanded).
 *
 * @param name  cell name, unique in the environment
 * @param hosts host names in the order written
 */
public record Cell(String name, List<String> hosts) {
    public Cell {
        hosts = List.copyOf(hosts);
    }
}
