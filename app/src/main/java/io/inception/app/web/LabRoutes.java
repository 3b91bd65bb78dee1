package io.inception.app.web;

import io.inception.app.labs.LabDesk;
import io.inception.engine.config.Durations;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Labs over the API (list, create, extend, delete) when a XenServer pool is configured; otherwise every lab
 * route answers 503 saying so. Create and delete answer 202 with the lab once the work is queued.
 */
final class LabRoutes {
    private LabRoutes() {
    }

    static void register(Javalin app, WebServices s) {
        LabDesk desk = s.labs() == null ? null : new LabDesk(s.labs(), s.audit());
        app.get("/api/labs", ctx -> {
            if (unavailable(ctx, desk)) return;
            Json.send(ctx, s.labs().list(Optional.ofNullable(ctx.queryParam("owner"))));
        });
        app.post("/api/labs", ctx -> {
            if (unavailable(ctx, desk)) return;
            Map<?, ?> body = ctx.bodyAsClass(Map.class);
            Object ttl = body.get("ttl");
            respond(ctx, desk.create(Auth.actor(ctx), String.valueOf(body.get("template")),
                    body.get("name") == null ? null : String.valueOf(body.get("name")),
                    ttl == null ? null : duration(String.valueOf(ttl))));
        });
        app.post("/api/labs/{id}/extend", ctx -> {
            if (unavailable(ctx, desk)) return;
            Map<?, ?> body = ctx.bodyAsClass(Map.class);
            respond(ctx, desk.extend(Auth.actor(ctx), ctx.pathParam("id"), duration(String.valueOf(body.get("by")))));
        });
        app.delete("/api/labs/{id}", ctx -> {
            if (unavailable(ctx, desk)) return;
            respond(ctx, desk.delete(Auth.actor(ctx), ctx.pathParam("id")));
        });
    }

    private static boolean unavailable(Context ctx, LabDesk desk) {
        if (desk != null) return false;
        Json.send(ctx, 503, new Json.Error("no XenServer pool is configured (INCEPTION_XENAPI_URL)"));
        return true;
    }

    private static Duration duration(String text) {
        return Durations.parse(text).orElseThrow(() -> new io.javalin.http.BadRequestResponse(
                "bad duration '" + text + "': " + Durations.EXAMPLES));
    }

    private static boolean pending(io.inception.xen.lab.Lab lab) {
        return lab.state() == io.inception.xen.lab.Lab.State.CREATING || lab.state() == io.inception.xen.lab.Lab.State.DELETING;
    }

    private static void respond(Context ctx, LabDesk.Outcome o) {
        // 202: a build or delete was queued (the lab is CREATING or DELETING; GET /api/labs shows its progress)
        int status = o instanceof LabDesk.Outcome.Done d ? (pending(d.lab()) ? 202 : 200)
                : o instanceof LabDesk.Outcome.Denied ? 403 : 409;
        Json.send(ctx, status, o instanceof LabDesk.Outcome.Done d ? d.lab() : new Json.Error(o.message()));
    }
}
