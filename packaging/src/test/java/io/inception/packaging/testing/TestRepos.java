package io.inception.packaging.testing;

import io.inception.packaging.deb.BuiltPackage;
import io.inception.packaging.deb.Candidate;
import io.inception.packaging.deb.DebBuilder;
import io.inception.packaging.deb.PackageSpecParser;
import io.inception.packaging.signing.KeyStore;
import io.inception.packaging.signing.ReleaseSigner;
import io.inception.packaging.signing.Secret;
import io.inception.packaging.signing.SigningKey;
import io.inception.packaging.version.DebianVersion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Shared fixtures: one signing key per JVM (RSA generation is slow) and tiny .debs. */
public final class TestRepos {
    private static SigningKey key;

    private TestRepos() {
    }

    public static synchronized SigningKey key() throws Exception {
        if (key == null) {
            Path dir = Files.createTempDirectory("inception-test-key");
            key = new KeyStore(dir, Clock.systemUTC(), new SecureRandom()).loadOrCreate(Secret.none());
        }
        return key;
    }

    public static ReleaseSigner signer(Clock clock) throws Exception {
        return new ReleaseSigner(key(), clock);
    }

    /** A one-file package {@code name} at {@code version}, written under {@code dir}. */
    public static BuiltPackage deb(Path dir, String name, String version) throws Exception {
        return deb(dir, name, version, name + " " + version + "\n");
    }

    /** The same with the given content in its one file. */
    public static BuiltPackage deb(Path dir, String name, String version, String content) throws Exception {
        Path work = Files.createDirectories(dir.resolve("src-" + name + "-" + version.replace(':', '_')));
        Path tree = Files.createDirectories(work.resolve("tree"));
        Files.writeString(tree.resolve("VERSION"), content);
        Path spec = work.resolve(name + ".yaml");
        Files.writeString(spec, """
                name: %s
                maintainer: Test <test@inception.invalid>
                description: |
                  test package for the repository tests
                  Ships one file saying its version.
                files:
                  - tree: VERSION
                    to: /usr/share/%s/VERSION
                """.formatted(name, name));
        return DebBuilder.gzip().build(PackageSpecParser.parse(spec),
                new Candidate(tree, DebianVersion.parse(version), Instant.parse("2026-11-27T00:00:00Z"), List.of()),
                Files.createDirectories(dir.resolve("debs")));
    }
}
