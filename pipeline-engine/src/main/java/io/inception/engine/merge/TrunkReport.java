package io.inception.engine.merge;

/**
 * Trunk as the train merged it.
 *
 * @param url    repository URL, credentials removed
 * @param branch branch name
 * @param sha    the trunk head that was merged
 */
public record TrunkReport(String url, String branch, String sha) {
}
