package io.inception.app.web;

import io.inception.app.access.Actor;
import io.inception.app.promotion.PromotionOutcome;
import io.inception.engine.store.Promotion;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.List;
import java.util.Map;

/**
 * Promotions over HTTP. Promote, approve and rollback record the promotion and answer at once: the API with
 * 202 and {@code Location: /api/promotions/{id}}, the forms with a redirect to the promotion's page, which
 * follows the worker's progress ({@code GET /api/promotions/{id}}, polled by app.js) until it ends.
 */
final class PromotionRoutes {
    private PromotionRoutes() {
    }

    /**
     * A promotion as {@code GET /api/promotions/{id}} shows it.
     *
     * @param promotion as stored
     * @param complete  whether it ended (SUCCEEDED, FAILED, REJECTED)
     * @param progress  the steps so far, as far as this server carried it out
     */
    record PromotionView(Promotion promotion, boolean complete, List<String> progress) {
    }

    static void register(Javalin app, WebServices s) {
        app.get("/api/promotions", ctx -> Json.send(ctx, s.store().promotions().list(WebServer.limit(ctx))));
        app.get("/api/promotions/{id}", ctx -> Json.send(ctx, view(s, ctx.pathParam("id"))));
        app.post("/api/promotions", ctx -> {
            Map<?, ?> body = ctx.bodyAsClass(Map.class);
            String build = String.valueOf(body.get("build"));
            String to = body.get("to") == null ? "staging" : String.valueOf(body.get("to"));
            Actor a = Auth.actor(ctx);
            respond(ctx, Boolean.TRUE.equals(body.get("request")) ? s.promotions().request(a, build, to)
                    : s.promotions().promote(a, build, to));
        });
        app.post("/api/promotions/{id}/approve", ctx -> respond(ctx, s.promotions().approve(Auth.actor(ctx),
                ctx.pathParam("id"))));
        app.post("/api/environments/{env}/rollback", ctx -> respond(ctx, s.promotions().rollback(Auth.actor(ctx),
                ctx.pathParam("env"))));

        app.get("/promotions", ctx -> list(ctx, s, null));
        app.get("/promotions/{id}", ctx -> {
            PromotionView v = view(s, ctx.pathParam("id"));
            WebServer.page(ctx, "Promotion " + v.promotion().id(), PromotionPages.promotion(v.promotion(), v.complete(),
                    v.progress()));
        });
        app.post("/promotions", ctx -> {
            Actor a = Auth.actor(ctx);
            String build = ctx.formParam("build");
            String to = ctx.formParam("to") == null ? "staging" : ctx.formParam("to");
            answer(ctx, s, "request".equals(ctx.formParam("action")) ? s.promotions().request(a, build, to)
                    : s.promotions().promote(a, build, to));
        });
        app.post("/promotions/{id}/approve", ctx -> answer(ctx, s, s.promotions().approve(Auth.actor(ctx),
                ctx.pathParam("id"))));
        app.post("/promotions/rollback", ctx -> answer(ctx, s, s.promotions().rollback(Auth.actor(ctx),
                ctx.formParam("environment"))));
    }

    private static PromotionView view(WebServices s, String id) {
        Promotion p = s.store().promotions().find(id).orElseThrow(() -> new NotFoundResponse("no promotion " + id));
        return new PromotionView(p, p.status().isComplete(), s.promotions().progress(id));
    }

    private static void respond(Context ctx, PromotionOutcome o) {
        if (o instanceof PromotionOutcome.Started st) ctx.header("Location", "/api/promotions/" + st.promotion().id());
        if (o instanceof PromotionOutcome.Requested r) ctx.header("Location", "/api/promotions/" + r.promotion().id());
        Json.send(ctx, PromotionResponses.status(o), PromotionResponses.body(o));
    }

    /** A started promotion's form goes to its page; anything else shows the list with the outcome on top. */
    private static void answer(Context ctx, WebServices s, PromotionOutcome o) {
        if (o instanceof PromotionOutcome.Started st) {
            ctx.redirect("/promotions/" + st.promotion().id(), HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(PromotionResponses.status(o));
        list(ctx, s, o);
    }

    private static void list(Context ctx, WebServices s, PromotionOutcome o) {
        boolean error = o != null && !(o instanceof PromotionOutcome.Promoted || o instanceof PromotionOutcome.Requested);
        WebServer.page(ctx, "Promotions", PromotionPages.promotions(s.store().promotions().list(100),
                o == null ? null : (o instanceof PromotionOutcome.Denied ? "denied: " : "") + o.message(), error,
                Auth.csrf(ctx)));
    }
}
