package io.inception.smoke.config;

import java.util.List;
import java.util.Set;

/**
 * How an environment runs its smoke suite: the {@code smoke:} section of its environment file.
 *
 * @param tags       a JUnit Platform tag expression choosing the tests, e.g. {@code smoke & !labs}
 * @param quarantine tests ({@code Class#method}) whose failures are reported but do not gate the build
 * @param retries    how many times a failed test is run again (a pass on a retry is recorded as flaky)
 */
public record SmokeSettings(String tags, List<String> quarantine, int retries) {
    /** The suite every environment runs when its file has no {@code smoke:} section. */
    public static final SmokeSettings DEFAULT = new SmokeSettings("smoke", List.of(), 1);

    /** The most retries a section may ask for: more would hide a broken environment behind luck. */
    public static final int MAX_RETRIES = 3;

    public SmokeSettings {
        quarantine = List.copyOf(quarantine);
        if (tags == null || tags.isBlank()) throw new IllegalArgumentException("empty tag expression");
        if (retries < 0 || retries > MAX_RETRIES) throw new IllegalArgumentException("retries must be 0.." + MAX_RETRIES);
    }

    public SmokeSettings withTags(String expression) {
        return new SmokeSettings(expression, quarantine, retries);
    }

    public SmokeSettings withQuarantine(String... tests) {
        return new SmokeSettings(tags, List.of(tests), retries);
    }

    public SmokeSettings withRetries(int count) {
        return new SmokeSettings(tags, quarantine, count);
    }

    public boolean quarantined(String testId) {
        return Set.copyOf(quarantine).contains(testId);
    }
}
