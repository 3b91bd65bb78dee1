package io.inception.engine.merge;

import java.util.List;

/**
 * One custom branch in a merge train.
 *
 * @param name     the branch's name in the train (branches.yaml name, or URL#branch)
 * @param url      repository URL, credentials removed
 * @param branch   branch name in that repository
 * @param headSha  the branch head that was merged (or attempted)
 * @param status   MERGED, UP_TO_DATE, CONFLICT or SKIPPED
 * @param files    conflicting files (empty unless CONFLICT or SKIPPED)
 * @param culprits commits since the branch's merge-base that touched those files, newest first
 */
public record BranchReport(String name, String url, String branch, String headSha, MergeStatus status,
                           List<String> files, List<Culprit> culprits) {
    public BranchReport {
        files = files == null ? List.of() : List.copyOf(files);
        culprits = culprits == null ? List.of() : List.copyOf(culprits);
    }
}
