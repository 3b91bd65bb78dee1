package io.inception.packaging.signing;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

/**
 * Signs apt {@code Release} files: a detached armored signature ({@code Release.gpg}) and a
 * cleartext-signed copy ({@code InRelease}, RFC 4880 section 7), both SHA-512.
 */
public final class ReleaseSigner {
    private final SigningKey key;
    private final Clock clock;

    public ReleaseSigner(SigningKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    public SigningKey key() {
        return key;
    }

    /** {@code Release.gpg}: an armored detached signature over the exact bytes. */
    public byte[] detached(byte[] release) throws PGPException, IOException {
        PGPSignatureGenerator gen = generator(PGPSignature.BINARY_DOCUMENT);
        gen.update(release);
        return armored(gen.generate());
    }

    /** {@code InRelease}: the text, dash-escaped, followed by its signature over the canonical text. */
    public byte[] clearSign(String release) throws PGPException, IOException {
        String[] lines = release.split("\n", -1);
        int count = lines.length;
        if (count > 0 && lines[count - 1].isEmpty()) count--; // the final newline belongs to the armor
        PGPSignatureGenerator gen = generator(PGPSignature.CANONICAL_TEXT_DOCUMENT);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String canonical = stripTrailingBlanks(line);
            if (i > 0) gen.update("\r\n".getBytes(StandardCharsets.UTF_8));
            gen.update(canonical.getBytes(StandardCharsets.UTF_8));
            body.append(line.startsWith("-") ? "- " + line : line).append('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(armored(gen.generate()));
        return out.toByteArray();
    }

    private PGPSignatureGenerator generator(int type) throws PGPException {
        PGPSignatureGenerator gen = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(key.publicKey().getAlgorithm(), HashAlgorithmTags.SHA512), key.publicKey());
        gen.init(type, key.privateKey());
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, Date.from(clock.instant()));
        hashed.setIssuerFingerprint(false, key.publicKey());
        gen.setHashedSubpackets(hashed.generate());
        PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
        unhashed.setIssuerKeyID(false, key.publicKey().getKeyID());
        gen.setUnhashedSubpackets(unhashed.generate());
        return gen;
    }

    private static byte[] armored(PGPSignature sig) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
            sig.encode(armor);
        }
        return out.toByteArray();
    }

    private static String stripTrailingBlanks(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) end--;
        return s.substring(0, end);
    }
}
