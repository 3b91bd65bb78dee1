package io.inception.engine.model;

/**
 * The target a run acts on. Later issues add hosts, cells, waves and credentials by reference;
 * the engine only needs its name.
 *
 * @param name        environment name, e.g. {@code qe}
 * @param description one line for reports
 * @param source      the file it was read from (path@commit), or null for ad-hoc targets
 */
public record Environment(String name, String description, String source) {
    public static Environment named(String name) {
        return new Environment(name, name, null);
    }
}
