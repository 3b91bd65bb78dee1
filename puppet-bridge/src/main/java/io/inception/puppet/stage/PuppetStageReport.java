package io.inception.puppet.stage;

import io.inception.puppet.apply.HostApply;
import io.inception.puppet.manifests.ManifestCommit;

import java.util.List;

/**
 * The {@code puppet} stage's output, stored as a fact of the build: the manifest commit that was
 * applied (staging applies the same one) and what happened on every host. Holds no secret: messages
 * were scrubbed and Puppet redacts {@code Sensitive} values.
 *
 * @param manifests the pinned manifest commit
 * @param noop      a drift report rather than an apply
 * @param hosts     one result per host
 */
public record PuppetStageReport(ManifestCommit manifests, boolean noop, List<HostApply> hosts) {
    public PuppetStageReport {
        hosts = List.copyOf(hosts);
    }

    /** The manifest commit at the top of the stored JSON, where the release manifest looks for it. */
    @com.fasterxml.jackson.annotation.JsonProperty("manifestsCommit")
    public String manifestsCommit() {
        return manifests.commit();
    }

    public long count(HostApply.Status status) {
        return hosts.stream().filter(h -> h.status() == status).count();
    }

    /** {@code 3 hosts @1a2b3c4d5e6f: 2 changed, 1 unchanged, 0 failed} */
    public String line() {
        return hosts.size() + " host(s) @" + manifests.shortCommit() + (noop ? " (noop)" : "") + ": "
                + count(HostApply.Status.CHANGED) + (noop ? " drifted, " : " changed, ")
                + count(HostApply.Status.UNCHANGED) + " unchanged, "
                + (count(HostApply.Status.FAILED) + count(HostApply.Status.UNREACHABLE)) + " failed";
    }
}
