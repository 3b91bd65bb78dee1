package io.inception.packaging.deb;

import java.nio.file.Path;

/**
 * A .deb that was built, as stored with the build.
 *
 * @param name         package name
 * @param version      Debian version
 * @param architecture {@code all}, {@code amd64}, ...
 * @param file         where the .deb is
 * @param size         bytes
 * @param sha256       lower-case hex SHA-256 of the file
 */
public record BuiltPackage(String name, String version, String architecture, Path file, long size, String sha256) {

    /** The canonical file name {@code name_version_arch.deb} (the epoch is left out, as dpkg does). */
    public static String fileName(String name, String version, String architecture) {
        int colon = version.indexOf(':');
        return name + "_" + (colon >= 0 ? version.substring(colon + 1) : version) + "_" + architecture + ".deb";
    }
}
