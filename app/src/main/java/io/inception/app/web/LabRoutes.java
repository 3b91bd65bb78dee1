package io.inception.app.web;

import io.javalin.Javalin;

import java.util.Optional;

/** Labs over the API, when a XenServer pool is configured; otherwise the routes answer 503 saying so. */
final class LabRoutes {
    private LabRoutes() {
    }

    static void register(Javalin app, WebServices s) {
        app.get("/api/labs", ctx -> {
            if (s.labs() == null) {
                Json.send(ctx, 503, new Json.Error("no XenServer pool is configured (INCEPTION_XENAPI_URL)"));
                return;
            }
            Json.send(ctx, s.labs().list(Optional.ofNullable(ctx.queryParam("owner"))));
        });
    }
}
