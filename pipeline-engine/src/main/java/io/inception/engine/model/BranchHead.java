package io.inception.engine.model;

/**
 * One merged input of a build: a branch and the SHA that was merged, with its merge status.
 *
 * @param name   the branch's name in branches.yaml (or its URL#branch)
 * @param url    the repository URL, credentials removed
 * @param branch the branch name in that repository
 * @param sha    the commit that was merged (or attempted)
 * @param status MERGED, UP_TO_DATE, CONFLICT or SKIPPED
 */
public record BranchHead(String name, String url, String branch, String sha, String status) {
}
