package io.inception.app.promotion;

import io.inception.engine.store.Promotion;
import io.inception.engine.store.PromotionStatus;
import io.inception.engine.store.StoredPromotions;

import java.util.Optional;

/** What an environment runs, and ran, according to its promotions. */
public final class EnvironmentHistory {
    private EnvironmentHistory() {
    }

    /** The latest successful promotion to {@code environment}: the build it runs. */
    public static Optional<Promotion> current(StoredPromotions promotions, String environment) {
        return promotions.toEnvironment(environment).stream()
                .filter(p -> p.status() == PromotionStatus.SUCCEEDED).findFirst();
    }

    /** The newest successful promotion to {@code environment} of a build other than {@code currentBuild}. */
    public static Optional<Promotion> previousGood(StoredPromotions promotions, String environment,
                                                   String currentBuild) {
        return promotions.toEnvironment(environment).stream()
                .filter(p -> p.status() == PromotionStatus.SUCCEEDED && !p.buildId().equals(currentBuild))
                .findFirst();
    }
}
