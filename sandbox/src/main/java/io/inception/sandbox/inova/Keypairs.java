package io.inception.sandbox.inova;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Nova key pairs per user: imported public keys or generated RSA pairs. Thread-safe. */
final class Keypairs {
    /** A stored key pair (Nova keeps only the public half). */
    record Keypair(int id, String name, String userId, String publicKey, String fingerprint, String type,
                   Instant createdAt) {
    }

    /** A key pair just made: the stored part and, when Nova generated it, the private key (once). */
    record Created(Keypair keypair, String privateKey) {
        @Override
        public String toString() {
            return "Created[" + keypair.name() + ", privateKey=***]";
        }
    }

    private final Map<String, Keypair> byUserAndName = new LinkedHashMap<>();
    private int nextId = 1;

    synchronized List<Keypair> list(String userId) {
        List<Keypair> out = new ArrayList<>();
        byUserAndName.values().stream().filter(k -> k.userId().equals(userId)).forEach(out::add);
        return out;
    }

    synchronized Optional<Keypair> find(String userId, String name) {
        return Optional.ofNullable(byUserAndName.get(userId + "/" + name));
    }

    /** Imports {@code publicKey}, or generates a pair when it is null. */
    synchronized Created create(String userId, String name, String publicKey, String type, Instant now) {
        if (byUserAndName.containsKey(userId + "/" + name)) {
            throw ApiError.nova(409, "Key pair '" + name + "' already exists.");
        }
        String privateKey = null;
        if (publicKey == null) {
            KeyPair pair = generate();
            publicKey = openSsh((RSAPublicKey) pair.getPublic()) + " Generated-by-Nova";
            privateKey = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        }
        Keypair k = new Keypair(nextId++, name, userId, publicKey, fingerprint(publicKey), type, now);
        byUserAndName.put(userId + "/" + name, k);
        return new Created(k, privateKey);
    }

    synchronized boolean delete(String userId, String name) {
        return byUserAndName.remove(userId + "/" + name) != null;
    }

    /** Nova's MD5 fingerprint of an OpenSSH public key, {@code aa:bb:…}; 400 when the key is not one. */
    static String fingerprint(String publicKey) {
        String[] parts = publicKey.trim().split("\\s+");
        try {
            if (parts.length < 2 || !parts[0].matches("(ssh|ecdsa)-[a-z0-9-]+|ssh-ed25519")) {
                throw new IllegalArgumentException();
            }
            byte[] blob = Base64.getDecoder().decode(parts[1]);
            byte[] md5 = MessageDigest.getInstance("MD5").digest(blob);
            StringBuilder sb = new StringBuilder();
            for (byte b : md5) {
                sb.append(sb.length() == 0 ? "" : ":").append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw ApiError.novaBadRequest("Keypair data is invalid: failed to generate fingerprint");
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String openSsh(RSAPublicKey key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            byte[] type = "ssh-rsa".getBytes();
            out.writeInt(type.length);
            out.write(type);
            writeMpint(out, key.getPublicExponent());
            writeMpint(out, key.getModulus());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "ssh-rsa " + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static void writeMpint(DataOutputStream out, BigInteger v) throws IOException {
        byte[] b = v.toByteArray();
        out.writeInt(b.length);
        out.write(b);
    }
}
