package io.inception.app.release;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code inception builds list}.
 *
 * @param buildId      the build
 * @param createdAt    when it was made
 * @param trunkSha     trunk's merged SHA, or null
 * @param candidateSha the candidate, or null
 * @param version      the package version, or null before packaging
 * @param status       the status of its latest run, or null
 * @param stream       each value-stream station as {@code station:state}
 */
public record BuildSummary(String buildId, Instant createdAt, String trunkSha, String candidateSha, String version,
                           String status, List<String> stream) {
    static BuildSummary of(ReleaseManifest m) {
        return new BuildSummary(m.buildId(), m.createdAt(), m.trunk() == null ? null : m.trunk().sha(),
                m.candidateSha(), m.packages() == null ? null : m.packages().version(),
                m.runs().isEmpty() ? null : m.runs().get(m.runs().size() - 1).status().name(),
                m.stream().stream().map(s -> s.station() + ":" + s.state()).toList());
    }
}
