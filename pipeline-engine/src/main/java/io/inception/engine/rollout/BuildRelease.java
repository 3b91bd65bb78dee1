package io.inception.engine.rollout;

import java.util.Optional;

/**
 * What a rollout installs: the package version and the apt line of the snapshot that holds it.
 *
 * @param version   the Debian version to install
 * @param aptSource the {@code deb ...} line of the build's snapshot
 */
public record BuildRelease(String version, String aptSource) {
    /** The release, or why there is none. */
    public sealed interface Lookup {
        record Found(BuildRelease release) implements Lookup {
        }

        /** @param reason one sentence for the user, saying what to give instead */
        record Missing(String reason) implements Lookup {
        }
    }

    /**
     * The release of {@code packageName} from what the build published: its version there and the
     * source line of its snapshot; {@code version} and {@code aptSource}, when given, override them.
     *
     * @param lines how hosts reach the repository, or empty when this process does not know
     */
    public static Lookup of(PublishedBuild published, String packageName, Optional<AptSourceLines> lines,
                            Optional<String> version, Optional<String> aptSource) {
        Optional<String> v = version.or(() -> published.versionOf(packageName));
        if (v.isEmpty()) {
            return new Lookup.Missing("build " + published.buildId() + " published no package '" + packageName + "' (it has "
                    + String.join(", ", published.packages().stream().map(PublishedBuild.Package::name).toList()) + ")");
        }
        Optional<String> source = aptSource.or(() -> lines.map(l -> l.forSuite(published.distribution())));
        if (source.isEmpty()) {
            return new Lookup.Missing("no apt source line for snapshot " + published.distribution()
                    + ": give the apt source explicitly");
        }
        return new Lookup.Found(new BuildRelease(v.get(), source.get()));
    }

    /** Both given explicitly, or why the build's record is needed. */
    public static Lookup given(Optional<String> version, Optional<String> aptSource, String whyNotMore) {
        if (version.isPresent() && aptSource.isPresent()) return new Lookup.Found(new BuildRelease(version.get(), aptSource.get()));
        return new Lookup.Missing(whyNotMore);
    }
}
