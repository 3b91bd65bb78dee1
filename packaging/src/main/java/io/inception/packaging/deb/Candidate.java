package io.inception.packaging.deb;

import io.inception.packaging.version.DebianVersion;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the packages of one build are made from.
 *
 * @param tree      the candidate's source tree (a checkout of the merged commit)
 * @param version   the version every package of this build gets
 * @param timestamp the candidate's time: file times inside the packages and the changelog date,
 *                  so the same candidate gives byte-identical packages
 * @param changes   lines for the package changelog, e.g. "Merged trunk 1a2b3c4 with xenapi-fixes"
 */
public record Candidate(Path tree, DebianVersion version, Instant timestamp, List<String> changes) {
    public Candidate {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(timestamp, "timestamp");
        changes = changes == null || changes.isEmpty() ? List.of("Built by Inception.") : List.copyOf(changes);
    }
}
