package io.inception.packaging.signing;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;

/**
 * Makes, stores and loads the repository signing key with Bouncy Castle (no {@code gpg} binary).
 * The secret key is kept ASCII-armored in a 0600 file, encrypted with the passphrase when one is given.
 * Keep the folder outside the served repository.
 */
public final class KeyStore {
    /** File name of the secret key in the key folder. */
    public static final String SECRET_FILE = "repo-signing-key.asc";
    /** File name of the exported public key in the key folder. */
    public static final String PUBLIC_FILE = "repo-signing-key.pub.asc";
    public static final String DEFAULT_USER_ID = "Inception apt repository <apt@inception.invalid>";
    private static final int RSA_BITS = 3072;

    private final Path directory;
    private final Clock clock;
    private final SecureRandom random;

    public KeyStore(Path directory, Clock clock, SecureRandom random) {
        this.directory = directory;
        this.clock = clock;
        this.random = random;
    }

    /** The key in this folder, made (RSA 3072, sign+certify) on first use. Safe to call concurrently from one JVM. */
    public SigningKey loadOrCreate(Secret passphrase) throws IOException, PGPException {
        synchronized (KeyStore.class) {
            Path secret = directory.resolve(SECRET_FILE);
            if (Files.exists(secret)) return load(passphrase);
            SigningKey key = generate(DEFAULT_USER_ID, passphrase);
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, ".key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, armor(key.secretRing().getEncoded()));
            Files.move(tmp, secret, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(directory.resolve(PUBLIC_FILE), key.exportArmored());
            return key;
        }
    }

    /** Loads and unlocks the stored key; a wrong passphrase fails with a message that does not show it. */
    public SigningKey load(Secret passphrase) throws IOException, PGPException {
        Path secret = directory.resolve(SECRET_FILE);
        PGPSecretKeyRing ring;
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(secret))) {
            ring = new PGPSecretKeyRing(in, new BcKeyFingerprintCalculator());
        }
        PGPSecretKey sk = ring.getSecretKey();
        char[] pass = passphrase.reveal();
        try {
            PBESecretKeyDecryptor dec = new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(pass);
            PGPPrivateKey priv = sk.extractPrivateKey(dec);
            return new SigningKey(ring, publicRing(ring), priv);
        } catch (PGPException e) {
            throw new PGPException("cannot unlock the repository key in " + secret
                    + " (wrong or missing passphrase; set INCEPTION_REPO_KEY_PASSPHRASE)", e);
        } finally {
            java.util.Arrays.fill(pass, '\0');
        }
    }

    /** A new key in memory. */
    public SigningKey generate(String userId, Secret passphrase) throws PGPException {
        RSAKeyPairGenerator gen = new RSAKeyPairGenerator();
        gen.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), random, RSA_BITS, 80));
        Date now = Date.from(clock.instant());
        BcPGPKeyPair pair = new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, gen.generateKeyPair(), now);

        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setKeyFlags(false, KeyFlags.SIGN_DATA | KeyFlags.CERTIFY_OTHER);
        hashed.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
        hashed.setPreferredSymmetricAlgorithms(false, new int[] {SymmetricKeyAlgorithmTags.AES_256});
        hashed.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
        hashed.setSignatureCreationTime(false, now);

        PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
        char[] pass = passphrase.reveal();
        try {
            PBESecretKeyEncryptor enc = passphrase.isEmpty() ? null
                    : new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha1, 0x60)
                    .setSecureRandom(random).build(pass);
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId, sha1,
                    hashed.generate(), null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA512), enc);
            PGPSecretKeyRing secretRing = rings.generateSecretKeyRing();
            return new SigningKey(secretRing, rings.generatePublicKeyRing(), pair.getPrivateKey());
        } finally {
            java.util.Arrays.fill(pass, '\0');
        }
    }

    /** The key folder. */
    public Path directory() {
        return directory;
    }

    private static PGPPublicKeyRing publicRing(PGPSecretKeyRing ring) {
        java.util.List<org.bouncycastle.openpgp.PGPPublicKey> keys = new java.util.ArrayList<>();
        ring.getPublicKeys().forEachRemaining(keys::add);
        return new PGPPublicKeyRing(keys);
    }

    private static byte[] armor(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream a = ArmoredOutputStream.builder().clearHeaders().build(out)) {
            a.write(data);
        }
        return out.toByteArray();
    }
}
