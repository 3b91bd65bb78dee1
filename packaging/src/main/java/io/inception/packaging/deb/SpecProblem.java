package io.inception.packaging.deb;

/**
 * One error in a package spec.
 *
 * @param at      where (file, line, column, field)
 * @param message what is wrong and, where possible, how to fix it
 */
public record SpecProblem(SpecLocation at, String message) {
    /** {@code file:line:column: field: message}, the format editors and CI logs link. */
    @Override
    public String toString() {
        return at + ": " + message;
    }
}
