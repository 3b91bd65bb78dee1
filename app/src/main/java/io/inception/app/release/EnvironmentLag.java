package io.inception.app.release;

import java.time.Duration;
import java.time.Instant;

/**
 * How far an environment's deployed build is behind trunk.
 *
 * @param environment the environment (an apt suite: qe, staging, ...)
 * @param buildId     the build it runs, or null when none
 * @param commits     trunk commits it lacks, or -1 when unknown
 * @param days        days since the oldest trunk commit it lacks (0 when up to date), or -1 when unknown
 * @param warn        past the warning threshold
 * @param note        why it is unknown, or empty
 */
public record EnvironmentLag(String environment, String buildId, int commits, double days, boolean warn,
                             String note) {
    static EnvironmentLag of(String env, String build, TrunkHistory.Missing missing, Instant now, Duration warnAfter) {
        double days = missing.oldest() == null ? 0
                : Duration.between(missing.oldest(), now).toSeconds() / 86_400.0;
        return new EnvironmentLag(env, build, missing.commits(), Math.max(0, days),
                missing.oldest() != null && Duration.between(missing.oldest(), now).compareTo(warnAfter) > 0, "");
    }

    static EnvironmentLag unknown(String env, String build, String why) {
        return new EnvironmentLag(env, build, -1, -1, false, why);
    }
}
