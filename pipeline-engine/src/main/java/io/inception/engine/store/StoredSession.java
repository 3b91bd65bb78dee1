package io.inception.engine.store;

import java.time.Instant;

/**
 * A browser session as stored: the session id only as its hash, with the CSRF token forms must echo.
 *
 * @param sessionHash SHA-256 (hex) of the session cookie's value
 * @param user        who logged in
 * @param csrfToken   the token every state-changing form of this session carries
 * @param createdAt   login time
 * @param expiresAt   when the session stops working
 */
public record StoredSession(String sessionHash, String user, String csrfToken, Instant createdAt, Instant expiresAt) {
    @Override
    public String toString() {
        return "StoredSession[" + user + ", expires " + expiresAt + "]";
    }
}
