package io.inception.app.cli;

import io.inception.app.InceptionHome;
import io.inception.packaging.Packaging;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Where the apt repository and its signing key live. Defaults: {@code $INCEPTION_HOME/apt} and
 * {@code $INCEPTION_HOME/keys} ({@code ./.inception} when INCEPTION_HOME is not set). The key's
 * passphrase is read from {@code $INCEPTION_REPO_KEY_PASSPHRASE} (never from the command line).
 */
public final class PackagingOptions {
    /** Environment variable holding the signing key's passphrase. */
    public static final String PASSPHRASE_ENV = InceptionHome.REPO_KEY_PASSPHRASE;

    @Option(names = "--repo", paramLabel = "DIR", description = "The apt repository folder. Default: $INCEPTION_HOME/apt")
    Path repo;

    @Option(names = "--keys", paramLabel = "DIR",
            description = "The signing key folder (outside the repository). Default: $INCEPTION_HOME/keys")
    Path keys;

    static Path home() {
        return InceptionHome.fromEnvironment().dir();
    }

    /** Set by a command that also has {@code --home}: the defaults then live under it. */
    Path homeOverride;

    private Path base() {
        return homeOverride != null ? homeOverride : home();
    }

    Path repo() {
        return repo != null ? repo.toAbsolutePath() : base().resolve("apt");
    }

    Path keys() {
        return keys != null ? keys.toAbsolutePath() : base().resolve("keys");
    }

    Packaging packaging(Clock clock) {
        return Packaging.at(repo(), keys(), clock, InceptionHome.repoKeyPassphrase());
    }
}
