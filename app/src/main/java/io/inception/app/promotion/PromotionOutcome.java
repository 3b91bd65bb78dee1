package io.inception.app.promotion;

import io.inception.engine.store.Promotion;

/** What a promotion request came to. */
public sealed interface PromotionOutcome {
    /** In words, for the CLI and the UI. */
    String message();

    /** The actor's role does not allow it (HTTP 403); audited. */
    record Denied(String message) implements PromotionOutcome { }

    /** Not possible now: no such build or promotion, the gate is closed, another promotion is running (409). */
    record Refused(String message) implements PromotionOutcome { }

    /** Stored and waiting for a release manager's approval. */
    record Requested(Promotion promotion, String message) implements PromotionOutcome { }

    /** Approved and being carried out by a worker (HTTP 202): follow it at {@code /api/promotions/{id}}. */
    record Started(Promotion promotion, String message) implements PromotionOutcome { }

    /** The environment runs the build. */
    record Promoted(Promotion promotion, String message) implements PromotionOutcome { }

    /** The deploy failed; the environment stays on the previous build. */
    record Failed(Promotion promotion, String message) implements PromotionOutcome { }
}
