package io.inception.engine.config;

/**
 * One problem found in a configuration file, printed as {@code file:line:column: field: message}.
 * Messages never contain secrets (passwords in URLs are masked before they get here).
 *
 * @param file    file label
 * @param line    1-based line
 * @param column  1-based column
 * @param field   dotted path of the field, e.g. {@code stages[2].with.timeout}; {@code (document)}
 *                for the file as a whole
 * @param message what is wrong and, where possible, how to fix it
 */
public record ConfigError(String file, int line, int column, String field, String message) {
    /** The field name used for errors about the whole document (syntax errors, empty files). */
    public static final String DOCUMENT = "(document)";

    public static ConfigError at(Position position, String field, String message) {
        return new ConfigError(position.file(), position.line(), position.column(),
                field == null || field.isEmpty() ? DOCUMENT : field, message);
    }

    /** The one-line form: {@code file:line:column: field: message}. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + field + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
