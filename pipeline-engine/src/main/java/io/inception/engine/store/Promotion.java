package io.inception.engine.store;

import java.time.Instant;

/**
 * One promotion of a build to an environment (e.g. staging), as stored.
 *
 * @param id            promotion id
 * @param buildId       the build promoted
 * @param environment   where to
 * @param status        where it is
 * @param requestedBy   who asked for it
 * @param approvedBy    the release manager who approved it, or null while pending
 * @param previousBuild the build the environment was on before, or null for the first promotion
 * @param snapshot      the apt snapshot deployed ({@code builds/<id>}), or null before it is known
 * @param puppetCommit  the Puppet manifest commit deployed, or null when the build has none recorded
 * @param rollbackOf    the promotion this one undoes ({@code promote --rollback}), or null
 * @param message       why it failed or what it did, in words
 * @param requestedAt   when it was asked for
 * @param updatedAt     the last change
 */
public record Promotion(String id, String buildId, String environment, PromotionStatus status, String requestedBy,
                        String approvedBy, String previousBuild, String snapshot, String puppetCommit,
                        String rollbackOf, String message, Instant requestedAt, Instant updatedAt) {
    public Promotion {
        message = message == null ? "" : message;
    }

    /** The same promotion in {@code next} with {@code why}, changed at {@code at}. */
    public Promotion with(PromotionStatus next, String why, Instant at) {
        return new Promotion(id, buildId, environment, next, requestedBy, approvedBy, previousBuild, snapshot,
                puppetCommit, rollbackOf, why, requestedAt, at);
    }

    /** Approved by {@code who}, with what it deploys and what it replaces. */
    public Promotion approved(String who, String previous, String snapshotName, String puppet, Instant at) {
        return new Promotion(id, buildId, environment, PromotionStatus.RUNNING, requestedBy, who, previous,
                snapshotName, puppet, rollbackOf, "deploying", requestedAt, at);
    }
}
