package io.inception.app.access;

import io.inception.engine.store.StoredSession;
import io.inception.engine.store.StoredUsers;
import io.inception.engine.store.UserAccount;
import io.inception.packaging.signing.Secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Users, their passwords (Argon2id), API tokens and browser sessions, every change audited. Only hashes of
 * passwords, tokens and session ids reach the store.
 */
public final class UserDirectory {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,62}");
    public static final Duration SESSION_LIFETIME = Duration.ofHours(8);

    private final StoredUsers users;
    private final PasswordHasher hasher;
    private final Tokens tokens;
    private final AuditTrail audit;
    private final Clock clock;

    public UserDirectory(StoredUsers users, PasswordHasher hasher, Tokens tokens, AuditTrail audit, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /** The outcome of a change to the users. */
    public sealed interface Change {
        record Done(String what) implements Change { }

        record Denied(String why) implements Change { }

        record Invalid(String why) implements Change { }
    }

    /** Adds a user; only an actor who may manage users can. */
    public Change add(Actor by, String name, Role role, Secret password) {
        if (!by.may(Permission.MANAGE_USERS)) {
            audit.record(by, "users.add", name, AuditTrail.DENIED, "role " + by.role().label() + " may not manage users");
            return new Change.Denied("only an admin may add users");
        }
        if (!NAME.matcher(name).matches()) {
            return new Change.Invalid("user name '" + name + "' must be 2-63 of a-z 0-9 . _ - starting with a letter");
        }
        if (password.reveal().length < 8) return new Change.Invalid("the password must have at least 8 characters");
        if (!users.add(new UserAccount(name, role.label(), hasher.hash(password), clock.instant()))) {
            return new Change.Invalid("user '" + name + "' exists already");
        }
        audit.record(by, "users.add", name, AuditTrail.ALLOWED, "role " + role.label());
        return new Change.Done("added " + name + " (" + role.label() + ")");
    }

    public List<UserAccount> list() {
        return users.list();
    }

    /**
     * A new API token for {@code name}: returned once, stored only as its hash. Admins issue tokens for
     * anyone, users for themselves.
     */
    public Optional<String> issueToken(Actor by, String name, String label) {
        if (!by.name().equals(name) && !by.may(Permission.MANAGE_USERS)) {
            audit.record(by, "users.token", name, AuditTrail.DENIED, "only admins issue tokens for others");
            return Optional.empty();
        }
        if (users.find(name).isEmpty()) return Optional.empty();
        String token = tokens.next("inc_");
        users.addToken(Tokens.hash(token), name, label, clock.instant());
        audit.record(by, "users.token", name, AuditTrail.ALLOWED, "token '" + label + "' issued");
        return Optional.of(token);
    }

    /** The actor an API token stands for. */
    public Optional<Actor> byToken(String token, String source) {
        return users.byToken(Tokens.hash(token)).flatMap(u -> actor(u, source));
    }

    /** A browser session after a successful login. */
    public record Session(String id, Actor actor, String csrfToken, Instant expiresAt) {
        @Override
        public String toString() {
            return "Session[" + actor.name() + ", expires " + expiresAt + "]";
        }
    }

    /** Checks the password and opens a session; every attempt is audited, the password never. */
    public Optional<Session> login(String name, Secret password, String source) {
        Optional<UserAccount> user = users.find(name);
        if (user.isEmpty() || !hasher.verify(password, user.get().passwordHash())) {
            audit.record(name, source, "login", name, AuditTrail.DENIED, "wrong user name or password");
            return Optional.empty();
        }
        Optional<Actor> actor = actor(user.get(), source);
        if (actor.isEmpty()) return Optional.empty();
        String id = tokens.next("s_");
        String csrf = tokens.next("c_");
        Instant now = clock.instant();
        users.addSession(new StoredSession(Tokens.hash(id), name, csrf, now, now.plus(SESSION_LIFETIME)));
        audit.record(actor.get(), "login", name, AuditTrail.ALLOWED, "");
        return Optional.of(new Session(id, actor.get(), csrf, now.plus(SESSION_LIFETIME)));
    }

    /** The live session with id {@code sessionId}, or empty when unknown or expired. */
    public Optional<Session> session(String sessionId, String source) {
        if (sessionId == null || sessionId.isBlank()) return Optional.empty();
        return users.session(Tokens.hash(sessionId))
                .filter(s -> s.expiresAt().isAfter(clock.instant()))
                .flatMap(s -> users.find(s.user()).flatMap(u -> actor(u, source))
                        .map(a -> new Session(sessionId, a, s.csrfToken(), s.expiresAt())));
    }

    public void logout(Session session) {
        users.removeSession(Tokens.hash(session.id()));
        audit.record(session.actor(), "logout", session.actor().name(), AuditTrail.ALLOWED, "");
    }

    private static Optional<Actor> actor(UserAccount u, String source) {
        return Role.parse(u.role()).map(r -> new Actor(u.name(), r, source));
    }
}
