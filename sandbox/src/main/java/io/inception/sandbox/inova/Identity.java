package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keystone's state: domains, projects, users and the tokens issued to them. Thread-safe. */
final class Identity {
    record Domain(String id, String name) {
    }

    record Project(String id, String name, Domain domain) {
    }

    /** A user. The password is sandbox data and never rendered. */
    record Account(String id, String name, Domain domain, String password, Project project) {
        @Override
        public String toString() {
            return "Account[" + name + ", password=***]";
        }
    }

    static final List<String> ROLES = List.of("admin", "member", "reader");

    private final Clock clock;
    private final Duration lifetime;
    private final Ids ids;
    private final List<Account> accounts = new ArrayList<>();
    private final List<Project> projects = new ArrayList<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    final Map<String, String> roleIds = new ConcurrentHashMap<>();

    Identity(InovaSpec spec, Ids ids) {
        this.clock = spec.clock();
        this.lifetime = spec.tokenLifetime();
        this.ids = ids;
        Map<String, Domain> domains = new ConcurrentHashMap<>();
        for (InovaSpec.User u : spec.users()) {
            Domain d = domains.computeIfAbsent(u.domain(),
                    n -> new Domain(n.equals("Default") ? "default" : ids.hex(), n));
            Project p = projects.stream().filter(x -> x.name().equals(u.project()) && x.domain().equals(d))
                    .findFirst().orElseGet(() -> {
                        Project np = new Project(ids.hex(), u.project(), d);
                        projects.add(np);
                        return np;
                    });
            accounts.add(new Account(ids.hex(), u.name(), d, u.password(), p));
        }
        ROLES.forEach(r -> roleIds.put(r, ids.hex()));
    }

    Clock clock() {
        return clock;
    }

    List<Project> projects() {
        return List.copyOf(projects);
    }

    /**
     * Authenticates the {@code auth} object of {@code POST /v3/auth/tokens}: password (user by id,
     * or by name with its domain by id or name) or token method, optionally project-scoped.
     */
    Token authenticate(JsonNode auth) {
        JsonNode identity = auth.path("identity");
        JsonNode methods = identity.path("methods");
        if (!methods.isArray() || methods.isEmpty()) {
            throw validation("'methods' is a required property");
        }
        List<String> methodNames = new ArrayList<>();
        methods.forEach(m -> methodNames.add(m.asText()));
        Account who;
        if (methodNames.contains("password")) {
            who = byPassword(identity.path("password").path("user"));
        } else if (methodNames.contains("token")) {
            Token t = valid(identity.path("token").path("id").asText(null)).orElseThrow(ApiError::unauthorized);
            who = t.user();
        } else {
            throw ApiError.unauthorized();
        }
        Project project = scope(auth.path("scope"), who);
        var now = clock.instant();
        tokens.values().removeIf(old -> old.expiredAt(now)); // a long-lived sandbox keeps only live tokens
        Token t = new Token(ids.token(), who, project, methodNames, now, now.plus(lifetime), ids.auditId());
        tokens.put(t.id(), t);
        return t;
    }

    /** The token with this id when it exists and has not expired. */
    Optional<Token> valid(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Token t = tokens.get(id);
        if (t == null || t.expiredAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(t);
    }

    boolean revoke(String id) {
        return tokens.remove(id) != null;
    }

    private Account byPassword(JsonNode user) {
        if (user.isMissingNode()) {
            throw validation("'user' is a required property");
        }
        String password = user.path("password").asText(null);
        Optional<Account> found;
        if (user.hasNonNull("id")) {
            found = accounts.stream().filter(a -> a.id().equals(user.get("id").asText())).findFirst();
        } else {
            JsonNode domain = domainOf(user, "user");
            String name = user.path("name").asText();
            found = accounts.stream().filter(a -> a.name().equals(name) && matches(a.domain(), domain)).findFirst();
        }
        return found.filter(a -> a.password().equals(password)).orElseThrow(ApiError::unauthorized);
    }

    private Project scope(JsonNode scope, Account who) {
        if (scope.isMissingNode() || scope.isNull() || scope.path("unscoped").isObject()) {
            return null;
        }
        JsonNode p = scope.path("project");
        if (p.isMissingNode()) {
            // domain and system scopes are not part of iNova's use of Keystone
            throw ApiError.unauthorized();
        }
        Optional<Project> found;
        if (p.hasNonNull("id")) {
            found = projects.stream().filter(x -> x.id().equals(p.get("id").asText())).findFirst();
        } else {
            JsonNode domain = domainOf(p, "project");
            found = projects.stream().filter(x -> x.name().equals(p.path("name").asText())
                    && matches(x.domain(), domain)).findFirst();
        }
        return found.filter(x -> x.equals(who.project())).orElseThrow(ApiError::unauthorized);
    }

    /** The domain reference of a user or project named by name; Keystone's 400 when there is none. */
    private static JsonNode domainOf(JsonNode ref, String what) {
        JsonNode domain = ref.path("domain");
        if (!domain.hasNonNull("id") && !domain.hasNonNull("name")) {
            throw validation("Expecting to find domain in " + what + ". The server could not comply with the request"
                    + " since it is either malformed or otherwise incorrect. The client is assumed to be in error.");
        }
        return domain;
    }

    private static boolean matches(Domain d, JsonNode ref) {
        return ref.hasNonNull("id") ? d.id().equals(ref.get("id").asText()) : d.name().equals(ref.path("name").asText());
    }

    private static ApiError validation(String message) {
        return ApiError.keystone(400, "Bad Request", message);
    }
}
