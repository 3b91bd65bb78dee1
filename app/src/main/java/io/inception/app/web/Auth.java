package io.inception.app.web;

import io.inception.app.access.Actor;
import io.inception.app.access.AuditTrail;
import io.inception.app.access.UserDirectory;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;

import java.util.Optional;
import java.util.Set;

/**
 * Who is asking: an API token ({@code Authorization: Bearer inc_...}) or a browser session cookie. A session's
 * state-changing requests must carry its CSRF token (form field {@code csrf} or header {@code X-CSRF-Token});
 * token requests need none, since no browser attaches a bearer token on its own.
 */
final class Auth {
    static final String COOKIE = "inception_session";
    private static final Set<String> PUBLIC = Set.of("/healthz", "/readyz", "/metrics", "/login", "/static/app.js",
            "/static/app.css");
    private static final String ACTOR = "actor";
    private static final String SESSION = "session";

    private final UserDirectory users;
    private final AuditTrail audit;

    Auth(UserDirectory users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    void before(Context ctx) {
        if (PUBLIC.contains(ctx.path())) return;
        String header = ctx.header("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            Actor a = users.byToken(header.substring(7).trim(), ctx.ip())
                    .orElseThrow(() -> new UnauthorizedResponse("unknown API token"));
            ctx.attribute(ACTOR, a);
            return;
        }
        Optional<UserDirectory.Session> session = users.session(ctx.cookie(COOKIE), ctx.ip());
        if (session.isEmpty()) {
            if (ctx.path().startsWith("/api/")) throw new UnauthorizedResponse("log in or send an API token");
            ctx.redirect("/login");
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(ACTOR, session.get().actor());
        ctx.attribute(SESSION, session.get());
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            String sent = ctx.header("X-CSRF-Token") != null ? ctx.header("X-CSRF-Token") : ctx.formParam("csrf");
            if (!session.get().csrfToken().equals(sent)) {
                audit.record(session.get().actor(), "csrf", ctx.method() + " " + ctx.path(), AuditTrail.DENIED,
                        "missing or wrong CSRF token");
                throw new ForbiddenResponse("missing or wrong CSRF token");
            }
        }
    }

    static Actor actor(Context ctx) {
        return ctx.attribute(ACTOR);
    }

    /** The browser session, or null for token requests. */
    static UserDirectory.Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    static String csrf(Context ctx) {
        UserDirectory.Session s = session(ctx);
        return s == null ? "" : s.csrfToken();
    }
}
