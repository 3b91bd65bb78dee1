package io.inception.engine.merge;

import io.inception.engine.model.BranchHead;
import io.inception.engine.model.Build;
import java.time.Instant;
import java.util.List;

/**
 * What a merge train did: the build-relevant record of trunk, every branch and the candidate.
 *
 * @param buildId      the build this candidate belongs to
 * @param createdAt    when the train ran (from the injected clock)
 * @param onConflict   the policy the train ran with
 * @param trunk        trunk as merged
 * @param branches     every custom branch, in merge order
 * @param failed       true when a branch conflicted under {@link ConflictPolicy#FAIL}: nothing was pushed
 * @param candidateSha the candidate commit, or null when the train failed
 * @param pushedTo     push target URL (credentials removed), or null when nothing was pushed
 * @param pushedRef    the ref that now points at the candidate, or null
 * @param pushedSha    the SHA pushed, or null
 */
public record MergeReport(String buildId, Instant createdAt, ConflictPolicy onConflict, TrunkReport trunk,
                          List<BranchReport> branches, boolean failed, String candidateSha,
                          String pushedTo, String pushedRef, String pushedSha) {
    public MergeReport {
        branches = List.copyOf(branches);
    }

    /** Branches with the given status, in merge order. */
    public List<BranchReport> withStatus(MergeStatus status) {
        return branches.stream().filter(b -> b.status() == status).toList();
    }

    /** The report as one JSON document. */
    public String toJson() {
        return MergeReportFormat.json(this);
    }

    /** The report for people: one line per branch, then files and culprits of conflicts. */
    public String toText() {
        return MergeReportFormat.text(this);
    }

    /** The model's view of this train, for the build record. */
    public Build toBuild() {
        BranchHead trunkHead = new BranchHead("trunk", trunk.url(), trunk.branch(), trunk.sha(), MergeStatus.MERGED.name());
        List<BranchHead> heads = branches.stream()
                .map(b -> new BranchHead(b.name(), b.url(), b.branch(), b.headSha(), b.status().name()))
                .toList();
        return new Build(buildId, trunkHead, heads, candidateSha, createdAt);
    }
}
