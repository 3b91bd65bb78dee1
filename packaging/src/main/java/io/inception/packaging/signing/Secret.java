package io.inception.packaging.signing;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret value (a key passphrase, private key material) that never shows in logs: {@link #toString()}
 * is {@code ***}. Read it with {@link #reveal()} only where it is used.
 */
public final class Secret {
    private static final Secret EMPTY = new Secret(new char[0]);
    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "secret").toCharArray());
    }

    public static Secret of(char[] value) {
        return new Secret(value.clone());
    }

    /** No secret (an unprotected key). */
    public static Secret none() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    /** A copy of the value; callers should clear it when done. */
    public char[] reveal() {
        return value.clone();
    }

    @Override
    public String toString() {
        return "***";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
