package io.inception.packaging.apt;

/**
 * A package in the repository's pool, as listed in a snapshot.
 *
 * @param name         package name
 * @param version      Debian version
 * @param architecture {@code all}, {@code amd64}, ...
 * @param filename     path relative to the repository root, e.g. {@code pool/main/n/nova-compute/...deb}
 * @param size         bytes
 * @param sha256       lower-case hex
 */
public record PoolPackage(String name, String version, String architecture, String filename, long size,
                          String sha256) {
}
