package io.inception.puppet.node;

import io.inception.engine.merge.Secret;
import io.inception.puppet.manifests.ManifestTree;

import java.util.List;

/**
 * Everything shipped to one node for one run: the manifest folder at the pinned commit plus the
 * node's rendered Hiera ({@code inception/hiera.yaml}, {@code inception/data/node.yaml},
 * {@code common.yaml}, and {@code secrets.yaml} readable by root only), as one gzip'd tar.
 *
 * @param node    the host and its classes
 * @param tree    the manifests at the pinned commit
 * @param archive the tar.gz to extract in {@link #directory()}
 * @param secrets the secret values inside the archive, to scrub from any output read back
 */
public record NodeBundle(PuppetNode node, ManifestTree tree, byte[] archive, List<Secret> secrets) {
    /** Where the bundle lives on the node: one folder per manifest commit. */
    public static final String ROOT = "/var/lib/inception/puppet";

    public NodeBundle {
        secrets = List.copyOf(secrets);
    }

    public String directory() {
        return ROOT + "/" + tree.commit().shortCommit();
    }

    /** Replaces every secret value in {@code text} by {@code ***}. */
    public String scrub(String text) {
        String out = text;
        for (Secret s : secrets) out = s.scrub(out);
        return out;
    }

    @Override
    public String toString() {
        return "NodeBundle[" + node.host().name() + " " + node.classes() + " @" + tree.commit().shortCommit()
                + ", " + archive.length + " bytes]";
    }
}
