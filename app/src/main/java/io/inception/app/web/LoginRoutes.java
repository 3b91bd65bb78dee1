package io.inception.app.web;

import io.inception.app.access.UserDirectory;
import io.inception.packaging.signing.Secret;
import io.javalin.Javalin;

import java.util.Optional;

/** {@code GET/POST /login} and {@code POST /logout}: a session cookie (HttpOnly, SameSite=Strict). */
final class LoginRoutes {
    private LoginRoutes() {
    }

    static void register(Javalin app, WebServices s) {
        app.get("/login", ctx -> ctx.html(Html.page("Log in", null, "", form(null))));
        app.post("/login", ctx -> {
            String user = ctx.formParam("user");
            String password = ctx.formParam("password");
            Optional<UserDirectory.Session> session = user == null || password == null ? Optional.empty()
                    : s.users().login(user, Secret.of(password), ctx.ip());
            if (session.isEmpty()) {
                ctx.status(401).html(Html.page("Log in", null, "", form("wrong user name or password")));
                return;
            }
            ctx.header("Set-Cookie", Auth.COOKIE + "=" + session.get().id() + "; Path=/; HttpOnly; SameSite=Strict;"
                    + " Max-Age=" + UserDirectory.SESSION_LIFETIME.toSeconds());
            ctx.redirect("/");
        });
        app.post("/logout", ctx -> {
            UserDirectory.Session session = Auth.session(ctx);
            if (session != null) s.users().logout(session);
            ctx.header("Set-Cookie", Auth.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
            ctx.redirect("/login");
        });
    }

    private static String form(String error) {
        return (error == null ? "" : "<p class=error id=message>" + Html.esc(error) + "</p>")
                + "<form method=post action=/login><p><label>user <input name=user id=user autofocus></label></p>"
                + "<p><label>password <input type=password name=password id=password></label></p>"
                + "<p><button id=login>Log in</button></p></form>";
    }
}
