package io.inception.sandbox.inova;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

/** The ids a cloud makes: UUIDs from a seed (repeatable), secrets from a secure source. */
final class Ids {
    private final Random random;
    private final SecureRandom secure = new SecureRandom();

    Ids(long seed) {
        this.random = new Random(seed);
    }

    synchronized String uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /** A request id ({@code req-<uuid>}), random so it takes nothing from the seeded sequence. */
    String requestId() {
        byte[] b = new byte[16];
        secure.nextBytes(b);
        String h = HexFormat.of().formatHex(b);
        return "req-" + h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                + h.substring(16, 20) + "-" + h.substring(20);
    }

    /** A Keystone-style hex id (a UUID without dashes). */
    String hex() {
        return uuid().replace("-", "");
    }

    /** A bearer token, shaped like a Fernet token. */
    String token() {
        byte[] b = new byte[120];
        secure.nextBytes(b);
        return "gAAAAA" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** An audit id (22 url-safe characters as Keystone's). */
    String auditId() {
        byte[] b = new byte[16];
        secure.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    String secretHex(int bytes) {
        byte[] b = new byte[bytes];
        secure.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
