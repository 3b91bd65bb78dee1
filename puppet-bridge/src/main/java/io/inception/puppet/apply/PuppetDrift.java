package io.inception.puppet.apply;

import java.util.List;

/**
 * A noop run's answer for one host: the resources that would change if the manifests were applied
 * now (hand edits, stopped services, packages at another version).
 *
 * @param host        the host's name
 * @param wouldChange resources out of sync, with Puppet's messages
 * @param error       empty, or why the drift could not be read (the run failed, host unreachable)
 */
public record PuppetDrift(String host, List<ResourceStatus> wouldChange, String error) {
    public PuppetDrift {
        wouldChange = List.copyOf(wouldChange);
    }

    public boolean inSync() {
        return wouldChange.isEmpty() && error.isEmpty();
    }

    static PuppetDrift of(HostApply noopRun) {
        return noopRun.ok() ? new PuppetDrift(noopRun.host(), noopRun.outOfSync(), "")
                : new PuppetDrift(noopRun.host(), noopRun.outOfSync(), noopRun.message());
    }
}
