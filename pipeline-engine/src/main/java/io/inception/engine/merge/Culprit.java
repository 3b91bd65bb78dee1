package io.inception.engine.merge;

/**
 * A commit on the merged line (trunk, or a custom branch merged earlier in the train) since the
 * branch's merge-base that touched a conflicting file: the likely cause of the conflict.
 *
 * @param sha     full commit SHA
 * @param author  {@code Name <email>}
 * @param subject first line of the commit message
 */
public record Culprit(String sha, String author, String subject) {
}
