package io.inception.packaging.signing;

import io.inception.packaging.testing.Processes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** Signatures made with Bouncy Castle, checked by GnuPG's gpgv (what apt runs). */
class SignatureGpgvIT {
    private static final String RELEASE = """
            Origin: Inception
            Suite: qe
            Description: trailing blanks are not signed\t\s
            -dash line
            SHA256:
             0123 10 main/binary-amd64/Packages
            """;
    @TempDir
    static Path dir;
    static ReleaseSigner signer;
    static Path keyring;

    @BeforeAll
    static void key() throws Exception {
        SigningKey key = new KeyStore(dir.resolve("keys"), Clock.systemUTC(), new SecureRandom())
                .loadOrCreate(Secret.of("s3cret"));
        signer = new ReleaseSigner(key, Clock.systemUTC());
        keyring = dir.resolve("keyring.gpg");
        Files.write(keyring, key.exportBinary());
    }

    @Test
    void gpgvAcceptsTheDetachedSignatureAndRejectsATamperedRelease() throws Exception {
        Path release = dir.resolve("Release");
        Files.writeString(release, RELEASE);
        Files.write(dir.resolve("Release.gpg"), signer.detached(RELEASE.getBytes(StandardCharsets.UTF_8)));
        Processes.Result ok = gpgv("Release.gpg", "Release");
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("Good signature from \"Inception apt repository <apt@inception.invalid>\"");

        Files.writeString(release, RELEASE.replace("Suite: qe", "Suite: qf"));
        Processes.Result bad = gpgv("Release.gpg", "Release");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.output()).contains("BAD signature");
    }

    @Test
    void gpgvAcceptsInReleaseAndRejectsItTampered() throws Exception {
        byte[] inRelease = signer.clearSign(RELEASE);
        String text = new String(inRelease, StandardCharsets.UTF_8);
        assertThat(text).startsWith("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nOrigin: Inception\n")
                .contains("\n- -dash line\n", "\n-----BEGIN PGP SIGNATURE-----\n");
        Files.write(dir.resolve("InRelease"), inRelease);
        Processes.Result ok = gpgv("InRelease");
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("Good signature");

        Files.writeString(dir.resolve("InRelease"), text.replace("0123 10", "0124 10"));
        Processes.Result bad = gpgv("InRelease");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.output()).contains("BAD signature");
    }

    private static Processes.Result gpgv(String... files) throws Exception {
        String[] cmd = new String[files.length + 3];
        cmd[0] = "gpgv";
        cmd[1] = "--keyring";
        cmd[2] = keyring.toString();
        System.arraycopy(files, 0, cmd, 3, files.length);
        return Processes.run(dir, cmd);
    }
}
