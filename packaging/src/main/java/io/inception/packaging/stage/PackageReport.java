package io.inception.packaging.stage;

import java.util.List;

/**
 * The output of the {@code package} stage, stored with the build.
 *
 * @param buildId      the build
 * @param version      the version of every package
 * @param packages     name, version, size and SHA-256 of each package
 * @param distribution the published snapshot, {@code builds/<build-id>}
 * @param suite        the suite pointed at it, or null
 */
public record PackageReport(String buildId, String version, List<PackageRecord> packages, String distribution,
                            String suite) {
    public PackageReport {
        packages = List.copyOf(packages);
    }

    /**
     * One package as stored with the build.
     *
     * @param name         package name
     * @param version      Debian version
     * @param architecture {@code all}, ...
     * @param size         bytes
     * @param sha256       lower-case hex
     * @param file         where the .deb was written (an artifact of the stage)
     */
    public record PackageRecord(String name, String version, String architecture, long size, String sha256,
                                String file) {
    }

    /** One line for reports. */
    public String summary() {
        return packages.size() + " package(s) " + version + " published as " + distribution
                + (suite == null ? "" : ", " + suite + " points at it");
    }
}
