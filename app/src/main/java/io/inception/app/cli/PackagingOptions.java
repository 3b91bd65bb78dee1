package io.inception.app.cli;

import io.inception.packaging.Packaging;
import io.inception.packaging.signing.Secret;
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
    public static final String PASSPHRASE_ENV = "INCEPTION_REPO_KEY_PASSPHRASE";

    @Option(names = "--repo", paramLabel = "DIR", description = "The apt repository folder. Default: $INCEPTION_HOME/apt")
    Path repo;

    @Option(names = "--keys", paramLabel = "DIR",
            description = "The signing key folder (outside the repository). Default: $INCEPTION_HOME/keys")
    Path keys;

    static Path home() {
        String home = System.getenv("INCEPTION_HOME");
        if (home != null && !home.isBlank()) return Path.of(home).toAbsolutePath();
        String root = System.getenv("INCEPTION_SOURCE_ROOT");
        return (root != null && !root.isBlank() ? Path.of(root) : Path.of("")).resolve(".inception").toAbsolutePath();
    }

    Path repo() {
        return repo != null ? repo.toAbsolutePath() : home().resolve("apt");
    }

    Path keys() {
        return keys != null ? keys.toAbsolutePath() : home().resolve("keys");
    }

    Packaging packaging(Clock clock) {
        String pass = System.getenv(PASSPHRASE_ENV);
        return Packaging.at(repo(), keys(), clock, pass == null || pass.isEmpty() ? Secret.none() : Secret.of(pass));
    }
}
