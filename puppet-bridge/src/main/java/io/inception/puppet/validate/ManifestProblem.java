package io.inception.puppet.validate;

/**
 * One error Puppet reported about the manifests.
 *
 * @param file    the manifest, relative to the manifest folder (e.g. {@code modules/role/manifests/bad.pp}),
 *                or null when Puppet named none
 * @param line    the line, or 0 when Puppet named none
 * @param column  the column, or 0 when Puppet named none
 * @param message Puppet's message without the location, e.g. {@code Syntax error at '}'}
 */
public record ManifestProblem(String file, int line, int column, String message) {
    /** {@code modules/role/manifests/bad.pp:3:19: Could not find class ::nosuch} */
    public String describe() {
        if (file == null) return message;
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message;
    }
}
