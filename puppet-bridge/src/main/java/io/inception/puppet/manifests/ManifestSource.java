package io.inception.puppet.manifests;

import io.inception.puppet.config.PuppetConfig;

import java.nio.file.Path;

/**
 * Where an environment's manifests come from: the repository of its {@code puppet.repo}, or — when
 * the section names none — the pipeline's own repository (this project keeps the sample manifests in
 * {@code environments/puppet/}), pinned to a commit.
 *
 * @param cacheDir where remote repositories are mirrored
 */
public record ManifestSource(Path cacheDir) {
    /**
     * Resolves the manifests to one commit and reads the manifest folder at it.
     *
     * @param pipelineRepo   the pipeline's repository (used when the config names none); may be null
     * @param pipelineCommit the commit the run read its pipeline at (used with it); may be null
     * @param refOverride    a ref or commit that replaces the config's (staging passes the build's commit); may be null
     */
    public ManifestTree read(PuppetConfig config, String pipelineRepo, String pipelineCommit, String refOverride) {
        String repo = config.repo().orElse(pipelineRepo);
        if (repo == null) throw new ManifestException("puppet.repo is not set and the pipeline has no repository to read manifests from");
        String ref = refOverride != null ? refOverride
                : config.repo().isEmpty() && pipelineCommit != null ? pipelineCommit : config.ref();
        try (ManifestRepository r = ManifestRepository.open(repo, cacheDir)) {
            return r.tree(r.pin(ref, config.path()));
        }
    }
}
