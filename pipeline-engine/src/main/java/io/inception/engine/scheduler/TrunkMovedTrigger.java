package io.inception.engine.scheduler;

import io.inception.engine.secret.UrlRedaction;

import java.time.Duration;
import java.util.Objects;

/**
 * Fires when the head of {@code branch} in {@code repoUrl} is a commit the trigger has not seen
 * before, checked every {@code pollInterval} with {@code git ls-remote} (JGit; local paths,
 * {@code file://}, ssh and https URLs). With a {@link PathFilter} other than {@link PathFilter#ANY}, it fires
 * only when a commit of the move changes a path the filter counts ({@code paths:} / {@code paths-ignore:}).
 *
 * @param name         unique trigger name
 * @param repoUrl      the trunk repository; may carry credentials, which are never logged
 * @param branch       the branch name, e.g. {@code master} (or a full {@code refs/...} name)
 * @param pollInterval time between two polls; at least one second
 * @param paths        which changed paths make it fire; {@link PathFilter#ANY} for every change
 */
public record TrunkMovedTrigger(String name, String repoUrl, String branch, Duration pollInterval, PathFilter paths)
        implements TriggerDefinition {
    public TrunkMovedTrigger {
        paths = paths == null ? PathFilter.ANY : paths;
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("trigger '" + name + "': poll interval must be at least 1s, got "
                    + pollInterval);
        }
    }

    /** A trigger firing on every change. */
    public TrunkMovedTrigger(String name, String repoUrl, String branch, Duration pollInterval) {
        this(name, repoUrl, branch, pollInterval, PathFilter.ANY);
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
                + ", pollInterval=" + pollInterval + (paths.isAny() ? "" : ", " + paths.describe()) + "]";
    }
}
