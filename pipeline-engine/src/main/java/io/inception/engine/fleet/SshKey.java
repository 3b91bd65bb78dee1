package io.inception.engine.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A private key for SSH login. Its {@code toString()} is {@code ***}: the key never reaches a log
 * line or a message; {@link #bytes()} is for the transport only.
 */
public final class SshKey {
    private final byte[] material;
    private final String origin;

    private SshKey(byte[] material, String origin) {
        this.material = material.clone();
        this.origin = origin;
    }

    /** Reads an OpenSSH or PEM private key file. */
    public static SshKey fromFile(Path file) {
        try {
            return new SshKey(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SSH private key " + file, e);
        }
    }

    /**
     * A key held in memory, e.g. read from an environment variable; {@code origin} names where it
     * came from ({@code $INCEPTION_QE_SSH_KEY}), never the key.
     */
    public static SshKey of(byte[] material, String origin) {
        return new SshKey(material, origin);
    }

    /** The key text, for handing to JSch only. */
    byte[] bytes() {
        return material.clone();
    }

    /** Where the key came from (a file name, never the key). */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "***";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SshKey k && Arrays.equals(material, k.material);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(material);
    }
}
