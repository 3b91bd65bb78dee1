package io.inception.engine.store;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users, their API tokens (hashed) and their browser sessions (hashed). */
public final class StoredUsers {
    private static final RowMapper<UserAccount> USER = (rs, ctx) -> new UserAccount(rs.getString("name"),
            rs.getString("role"), rs.getString("password_hash"), Sql.instant(rs, "created_at"));

    private final Jdbi jdbi;

    StoredUsers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds a user; false when the name is taken. */
    public boolean add(UserAccount user) {
        return jdbi.withHandle(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM users WHERE name = :n").bind("n", user.name()).mapTo(Integer.class)
                    .one() > 0) {
                return false;
            }
            h.createUpdate("INSERT INTO users (name, role, password_hash, created_at) VALUES (:n, :r, :p, :at)")
                    .bind("n", user.name()).bind("r", user.role()).bind("p", user.passwordHash())
                    .bind("at", Sql.ts(user.createdAt())).execute();
            return true;
        });
    }

    public Optional<UserAccount> find(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE name = :n").bind("n", name).map(USER)
                .findOne());
    }

    public List<UserAccount> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users ORDER BY name").map(USER).list());
    }

    public void addToken(String tokenHash, String user, String label, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_tokens (token_hash, user_name, label, created_at)"
                        + " VALUES (:t, :u, :l, :at)")
                .bind("t", tokenHash).bind("u", user).bind("l", label).bind("at", Sql.ts(at)).execute());
    }

    /** The user holding the token whose hash is {@code tokenHash}. */
    public Optional<UserAccount> byToken(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT u.* FROM users u JOIN api_tokens t ON t.user_name = u.name"
                + " WHERE t.token_hash = :t").bind("t", tokenHash).map(USER).findOne());
    }

    public void addSession(StoredSession s) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO sessions (session_hash, user_name, csrf_token, created_at,"
                        + " expires_at) VALUES (:s, :u, :c, :at, :exp)")
                .bind("s", s.sessionHash()).bind("u", s.user()).bind("c", s.csrfToken())
                .bind("at", Sql.ts(s.createdAt())).bind("exp", Sql.ts(s.expiresAt())).execute());
    }

    public Optional<StoredSession> session(String sessionHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM sessions WHERE session_hash = :s")
                .bind("s", sessionHash)
                .map((rs, ctx) -> new StoredSession(rs.getString("session_hash"), rs.getString("user_name"),
                        rs.getString("csrf_token"), Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at")))
                .findOne());
    }

    public void removeSession(String sessionHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE session_hash = :s").bind("s", sessionHash)
                .execute());
    }
}
