package io.inception.packaging.signing;

import org.bouncycastle.openpgp.PGPException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void makesTheKeyOnceProtectedByThePassphraseAndNeverShowsIt() throws Exception {
        KeyStore store = new KeyStore(dir.resolve("keys"), CLOCK, new SecureRandom());
        Secret pass = Secret.of("correct horse battery staple");
        SigningKey made = store.loadOrCreate(pass);
        SigningKey again = store.loadOrCreate(pass);

        assertThat(again.fingerprint()).isEqualTo(made.fingerprint()).hasSize(40);
        assertThat(made.userId()).isEqualTo(KeyStore.DEFAULT_USER_ID);
        Path secret = dir.resolve("keys").resolve(KeyStore.SECRET_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(Files.readString(secret)).startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----");
        assertThat(Files.readString(dir.resolve("keys").resolve(KeyStore.PUBLIC_FILE)))
                .isEqualTo(made.exportArmored()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");

        assertThat(pass).hasToString("***");
        assertThat(made.toString()).isEqualTo("SigningKey[" + made.fingerprint() + ", private key ***]");
        assertThatThrownBy(() -> store.load(Secret.of("wrong passphrase")))
                .isInstanceOf(PGPException.class)
                .hasMessageContaining("cannot unlock the repository key")
                .hasMessageNotContaining("wrong passphrase")
                .hasMessageNotContaining("correct horse");
    }

    @Test
    void anUnprotectedKeyLoadsWithoutPassphrase() throws Exception {
        KeyStore store = new KeyStore(dir, CLOCK, new SecureRandom());
        SigningKey made = store.loadOrCreate(Secret.none());
        assertThat(store.load(Secret.none()).fingerprint()).isEqualTo(made.fingerprint());
    }
}
