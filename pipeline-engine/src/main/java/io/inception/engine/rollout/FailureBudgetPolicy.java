package io.inception.engine.rollout;

import io.inception.engine.config.Quantity;

/**
 * When a rollout stops: at the first failure while in one of the first {@code strictWaves} waves,
 * afterwards when more than {@code maxFailed} hosts failed (a count or a percent of all hosts).
 */
public record FailureBudgetPolicy(int strictWaves, Quantity maxFailed) {
    /** Stop at the first failure in the first two waves, then allow 2 %. */
    public static final FailureBudgetPolicy DEFAULT = new FailureBudgetPolicy(2, new Quantity(Quantity.Kind.PERCENT, 2));

    /** Whether {@code failed} failures, the last in wave {@code waveIndex} (0-based), spend the budget. */
    public boolean spent(int failed, int waveIndex, int totalHosts) {
        if (failed == 0) return false;
        if (waveIndex < strictWaves) return true;
        int allowed = maxFailed.kind() == Quantity.Kind.PERCENT
                ? (int) Math.floor(totalHosts * maxFailed.value() / 100.0) : maxFailed.value();
        return failed > allowed;
    }

    /** Parses {@code 3}, {@code 2%}, or {@code 0}; the strict first waves stay as in the default. */
    public static FailureBudgetPolicy parse(String text) {
        String t = text.trim();
        Quantity q = t.endsWith("%")
                ? new Quantity(Quantity.Kind.PERCENT, Integer.parseInt(t.substring(0, t.length() - 1).trim()))
                : new Quantity(Quantity.Kind.COUNT, Integer.parseInt(t));
        return new FailureBudgetPolicy(DEFAULT.strictWaves(), q);
    }
}
