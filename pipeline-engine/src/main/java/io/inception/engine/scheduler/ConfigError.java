package io.inception.engine.scheduler;

/**
 * One problem in a configuration file, located for the person who has to fix it.
 *
 * @param file    the file as given to the loader
 * @param line    1-based line
 * @param column  1-based column
 * @param field   the path of the offending field, e.g. {@code triggers[1].trunk-moved.poll}
 * @param message what is wrong and what is expected
 */
public record ConfigError(String file, int line, int column, String field, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + field + ": " + message;
    }
}
