package io.inception.app;

import io.inception.packaging.Packaging;
import io.inception.packaging.signing.Secret;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Where Inception keeps its state: the embedded database, run artifacts and work trees.
 * {@code $INCEPTION_HOME}, else {@code .inception/} under the source root when started through the
 * {@code ./inception} launcher, else {@code .inception/} in the current directory.
 */
public record InceptionHome(Path dir) {
    public static InceptionHome resolve(Map<String, String> env) {
        String home = env.get("INCEPTION_HOME");
        if (home != null && !home.isBlank()) return new InceptionHome(Path.of(home).toAbsolutePath());
        String root = env.get("INCEPTION_SOURCE_ROOT");
        Path base = root != null && !root.isBlank() ? Path.of(root) : Path.of("");
        return new InceptionHome(base.resolve(".inception").toAbsolutePath());
    }

    public static InceptionHome fromEnvironment() {
        return resolve(System.getenv());
    }

    /** The project's source root (for {@code environments/}), when known. */
    public static Path sourceRoot() {
        String root = System.getenv("INCEPTION_SOURCE_ROOT");
        return root != null && !root.isBlank() ? Path.of(root) : Path.of("").toAbsolutePath();
    }

    public Path work() {
        return dir.resolve("work");
    }

    /** Environment variable holding the apt signing key's passphrase (never a command-line option). */
    public static final String REPO_KEY_PASSPHRASE = "INCEPTION_REPO_KEY_PASSPHRASE";

    /** The apt repository ({@code apt/}) and its signing key ({@code keys/}, outside the served tree). */
    public Packaging packaging(Clock clock) {
        return Packaging.at(dir.resolve("apt"), dir.resolve("keys"), clock, repoKeyPassphrase());
    }

    /** The signing key's passphrase from {@link #REPO_KEY_PASSPHRASE}, or none. */
    public static Secret repoKeyPassphrase() {
        String pass = System.getenv(REPO_KEY_PASSPHRASE);
        return pass == null || pass.isEmpty() ? Secret.none() : Secret.of(pass);
    }
}
