package io.inception.puppet.apply;

import java.util.List;

/**
 * What one {@code puppet apply} on one host came to. A flat record so that it is stored as the
 * stage's output (JSON) and printed by {@code --json} as is.
 *
 * @param host      the host's name
 * @param status    the outcome
 * @param exitCode  {@code puppet apply --detailed-exitcodes}: 0 no change, 2 changes, 4 failures, 6 both; -1 when it did not run
 * @param changed   resources the run changed
 * @param failed    resources that failed, each with Puppet's message
 * @param outOfSync resources out of sync (in a noop run: what would change)
 * @param message   one line: what happened, or for a failure which resource failed and why
 */
public record HostApply(String host, Status status, int exitCode, List<ResourceStatus> changed,
                        List<ResourceStatus> failed, List<ResourceStatus> outOfSync, String message) {
    /** The outcome of one host's run. */
    public enum Status {
        /** Exit 0: nothing to change. */
        UNCHANGED,
        /** Exit 2: changes made (or, in noop, drift found). */
        CHANGED,
        /** Exit 4 or 6, a compile error, or the bundle could not be shipped. */
        FAILED,
        /** SSH could not reach or was refused by the host. */
        UNREACHABLE;

        public boolean ok() {
            return this == UNCHANGED || this == CHANGED;
        }
    }

    public HostApply {
        changed = List.copyOf(changed);
        failed = List.copyOf(failed);
        outOfSync = List.copyOf(outOfSync);
    }

    public boolean ok() {
        return status.ok();
    }
}
