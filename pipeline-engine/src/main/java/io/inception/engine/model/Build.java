package io.inception.engine.model;

import java.time.Instant;
import java.util.List;

/**
 * The unit that moves through the pipeline: what was merged (trunk and every branch SHA) and the
 * candidate commit. Later stages attach packages, snapshots and test results by build id.
 *
 * @param id           build id, e.g. {@code b-20261127-0001}
 * @param trunk        trunk's head as merged
 * @param branches     every custom branch in merge order, with the SHA merged
 * @param candidateSha  the merged candidate commit, or null when the merge failed
 * @param candidateRepo where the candidate can be fetched (the train's push target, credentials
 *                      removed), or null when nothing was pushed
 * @param createdAt     when the build was created
 */
public record Build(String id, BranchHead trunk, List<BranchHead> branches, String candidateSha,
                    String candidateRepo, Instant createdAt) {
    public Build {
        branches = branches == null ? List.of() : List.copyOf(branches);
    }

    /** A build whose candidate was not pushed anywhere. */
    public Build(String id, BranchHead trunk, List<BranchHead> branches, String candidateSha, Instant createdAt) {
        this(id, trunk, branches, candidateSha, null, createdAt);
    }
}
