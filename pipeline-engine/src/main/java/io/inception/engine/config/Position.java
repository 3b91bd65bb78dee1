package io.inception.engine.config;

/**
 * Where something was written: a file (as shown to users) and a 1-based line and column.
 *
 * @param file   the file label, e.g. {@code environments/pipelines/trunk-to-qe.yaml}
 * @param line   1-based line
 * @param column 1-based column
 */
public record Position(String file, int line, int column) {
    /** The position of a whole file when no line is known (line and column 1). */
    public static Position startOf(String file) {
        return new Position(file, 1, 1);
    }
}
