package io.inception.packaging.signing;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The repository's OpenPGP key, unlocked for signing. The private part stays inside: {@link #toString()}
 * shows only the fingerprint.
 */
public final class SigningKey {
    private final PGPSecretKeyRing secretRing;
    private final PGPPublicKeyRing publicRing;
    private final PGPPrivateKey privateKey;

    SigningKey(PGPSecretKeyRing secretRing, PGPPublicKeyRing publicRing, PGPPrivateKey privateKey) {
        this.secretRing = secretRing;
        this.publicRing = publicRing;
        this.privateKey = privateKey;
    }

    PGPPrivateKey privateKey() {
        return privateKey;
    }

    PGPPublicKey publicKey() {
        return publicRing.getPublicKey();
    }

    PGPSecretKeyRing secretRing() {
        return secretRing;
    }

    /** The 40-hex-digit fingerprint, upper case, as {@code gpg --list-keys} shows it. */
    public String fingerprint() {
        return HexFormat.of().formatHex(publicKey().getFingerprint()).toUpperCase(Locale.ROOT);
    }

    /** The user id the key was made for, e.g. {@code Inception apt repository <apt@inception.invalid>}. */
    public String userId() {
        return publicKey().getUserIDs().hasNext() ? publicKey().getUserIDs().next() : "";
    }

    /** The public key, ASCII-armored: save as {@code /etc/apt/keyrings/inception.asc} for {@code signed-by=}. */
    public String exportArmored() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
            publicRing.encode(armor, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The public key in binary OpenPGP form (a keyring file {@code gpgv --keyring} and older apt read). */
    public byte[] exportBinary() {
        try {
            return publicRing.getEncoded(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + fingerprint() + ", private key ***]";
    }

    static PGPException unwrap(Exception e) {
        return e instanceof PGPException p ? p : new PGPException(e.getMessage(), e);
    }
}
