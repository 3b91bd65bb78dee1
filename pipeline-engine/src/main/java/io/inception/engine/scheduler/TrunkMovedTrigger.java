package io.inception.engine.scheduler;

import java.time.Duration;
import java.util.Objects;

/**
 * Fires when the head of {@code branch} in {@code repoUrl} is a commit the trigger has not seen
 * before, checked every {@code pollInterval} with {@code git ls-remote} (JGit; local paths,
 * {@code file://}, ssh and https URLs).
 *
 * @param name         unique trigger name
 * @param repoUrl      the trunk repository; may carry credentials, which are never logged
 * @param branch       the branch name, e.g. {@code master} (or a full {@code refs/...} name)
 * @param pollInterval time between two polls; at least one second
 */
public record TrunkMovedTrigger(String name, String repoUrl, String branch, Duration pollInterval)
        implements TriggerDefinition {
    public TrunkMovedTrigger {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("trigger '" + name + "': poll interval must be at least 1s, got "
                    + pollInterval);
        }
    }

    /** The repository URL with its password masked, for logs and reports. */
    public String redactedUrl() {
        return UrlRedaction.redact(repoUrl);
    }

    /** The full ref name polled, e.g. {@code refs/heads/master}. */
    public String ref() {
        return branch.startsWith("refs/") ? branch : "refs/heads/" + branch;
    }

    @Override
    public String toString() {
        return "TrunkMovedTrigger[name=" + name + ", repoUrl=" + redactedUrl() + ", branch=" + branch
                + ", pollInterval=" + pollInterval + "]";
    }
}
