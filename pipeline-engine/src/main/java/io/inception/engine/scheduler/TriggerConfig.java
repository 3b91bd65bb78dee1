package io.inception.engine.scheduler;

import io.inception.engine.secret.UrlRedaction;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One entry of the {@code triggers:} section, as written in YAML (see {@link TriggerConfigLoader}).
 * Exactly one of {@code cron} and {@code trunkMoved} is set.
 *
 * @param name       unique trigger name
 * @param cron       a 5-field Unix cron expression, or null
 * @param timezone   the zone of the cron expression (UTC when not written)
 * @param trunkMoved the trunk-moved settings, or null
 * @param line       the line the entry starts on, for messages raised when wiring it
 */
public record TriggerConfig(String name, String cron, ZoneId timezone, TrunkMoved trunkMoved, int line) {

    /**
     * The {@code trunk-moved:} settings.
     *
     * @param repo   the repository to poll, or null for the trunk of branches.yaml
     * @param branch the branch to poll, or null for the trunk branch of branches.yaml
     * @param poll   the poll interval (60s when not written)
     * @param paths  the {@code paths:} and {@code paths-ignore:} globs; {@link PathFilter#ANY} when not written
     */
    public record TrunkMoved(String repo, String branch, Duration poll, PathFilter paths) {
        public TrunkMoved {
            paths = paths == null ? PathFilter.ANY : paths;
        }

        public TrunkMoved(String repo, String branch, Duration poll) {
            this(repo, branch, poll, PathFilter.ANY);
        }
    }

    /**
     * The trigger the scheduler runs.
     *
     * @param trunkUrl    the trunk repository used when {@code repo} is not written
     * @param trunkBranch the trunk branch used when {@code branch} is not written
     */
    public TriggerDefinition toDefinition(String trunkUrl, String trunkBranch) {
        if (cron != null) return new CronTrigger(name, cron, timezone);
        String repo = trunkMoved.repo() != null ? trunkMoved.repo() : trunkUrl;
        String branch = trunkMoved.branch() != null ? trunkMoved.branch() : trunkBranch;
        Objects.requireNonNull(repo, "trigger '" + name + "': no repo written and no trunk configured");
        Objects.requireNonNull(branch, "trigger '" + name + "': no branch written and no trunk configured");
        return new TrunkMovedTrigger(name, repo, branch, trunkMoved.poll(), trunkMoved.paths());
    }

    @Override
    public String toString() {
        return "TriggerConfig[name=" + name + ", cron=" + cron + ", timezone=" + timezone + ", trunkMoved="
                + (trunkMoved == null ? null : "TrunkMoved[repo=" + UrlRedaction.redact(trunkMoved.repo())
                + ", branch=" + trunkMoved.branch() + ", poll=" + trunkMoved.poll()
                + (trunkMoved.paths().isAny() ? "" : ", " + trunkMoved.paths().describe()) + "]") + ", line=" + line + "]";
    }
}
