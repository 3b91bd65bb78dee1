package io.inception.app.promotion;

import io.inception.app.release.ReleaseManifest;
import io.inception.app.release.ReleaseManifests;
import io.inception.engine.store.Store;

import java.util.Optional;

/** What a build recorded about itself that a deploy needs: the package version and the Puppet commit. */
final class BuildPackages {
    private BuildPackages() {
    }

    /** The version of {@code packageName} in the build's {@code package} fact (else the build's version). */
    static Optional<String> version(Store store, String buildId, String packageName) {
        Optional<ReleaseManifest.Packages> packages = new ReleaseManifests(store).of(buildId)
                .map(ReleaseManifest::packages);
        return packages.flatMap(p -> p.packages().stream().filter(e -> e.name().equals(packageName))
                .map(ReleaseManifest.PackageEntry::version).findFirst().or(() -> Optional.ofNullable(p.version())));
    }

    /** The Puppet commit of the build's {@code puppet} fact, else {@code fallback}. */
    static String puppetCommit(Store store, String buildId, String fallback) {
        return store.builds().factJson(buildId, ReleaseManifests.PUPPET_FACT).map(ReleaseManifests::puppetCommit)
                .orElse(fallback);
    }
}
