package io.inception.packaging.apt;

import java.time.Instant;
import java.util.List;

/**
 * An immutable snapshot {@code builds/<build-id>}: the packages of one build, published once.
 *
 * @param buildId     the build
 * @param sequence    publish order in this repository (1, 2, ...); retention keeps the newest
 * @param publishedAt when it was published
 * @param packages    its packages, sorted by name
 * @param pointedBy   the suites that point at it now (e.g. {@code qe}), sorted
 */
public record AptSnapshot(String buildId, long sequence, Instant publishedAt, List<PoolPackage> packages,
                          List<String> pointedBy) {
    public AptSnapshot {
        packages = List.copyOf(packages);
        pointedBy = List.copyOf(pointedBy);
    }

    /** The apt distribution name of the snapshot, {@code builds/<build-id>}. */
    public String distribution() {
        return "builds/" + buildId;
    }
}
