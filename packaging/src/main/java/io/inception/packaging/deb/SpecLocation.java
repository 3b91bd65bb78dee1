package io.inception.packaging.deb;

import java.nio.file.Path;

/**
 * Where in a package spec something was written, for error messages.
 *
 * @param file   the spec file
 * @param line   1-based line
 * @param column 1-based column
 * @param field  the field's path, e.g. {@code files[2].tree}
 */
public record SpecLocation(Path file, int line, int column, String field) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + field;
    }
}
