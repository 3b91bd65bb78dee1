package io.inception.engine.store;

import java.time.Instant;

/**
 * A user as stored.
 *
 * @param name         login name
 * @param role         {@code developer}, {@code release-manager} or {@code admin}
 * @param passwordHash the encoded password hash (never the password)
 * @param createdAt    when the user was added
 */
public record UserAccount(String name, String role, String passwordHash, Instant createdAt) {
    @Override
    public String toString() {
        return "UserAccount[" + name + ", " + role + "]";
    }
}
