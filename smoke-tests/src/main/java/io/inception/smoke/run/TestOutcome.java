package io.inception.smoke.run;

import java.util.List;

/**
 * How one smoke test ended.
 *
 * @param id          {@code Class#method}, as environment files name it
 * @param name        its display name
 * @param tags        its tags
 * @param status      the status of its last attempt
 * @param message     the failure message of its last failed attempt (null when it never failed)
 * @param attempts    how many times it ran
 * @param flaky       failed, then passed on a retry
 * @param quarantined on the environment's quarantine list: reported, never gating
 */
public record TestOutcome(String id, String name, List<String> tags, Status status, String message, int attempts,
                          boolean flaky, boolean quarantined) {
    public TestOutcome {
        tags = List.copyOf(tags);
    }

    /** A test's final status. */
    public enum Status { PASSED, FAILED, SKIPPED }

    /** A failure that stops the build: failed and not quarantined. */
    public boolean gating() {
        return status == Status.FAILED && !quarantined;
    }
}
