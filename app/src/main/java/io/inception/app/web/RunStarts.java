package io.inception.app.web;

import io.inception.app.access.Actor;
import io.inception.app.access.AuditTrail;
import io.inception.app.access.Permission;
import io.javalin.Javalin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/runs {"pipeline": "trunk-to-qe", "environment": "qe"}} (both optional: the server's
 * {@code --pipeline} and {@code --env}): starts a run, as a trigger would, for a user allowed to
 * ({@link Permission#START_RUN}); 201 with the run's id and page, 409 while another run of the pipeline
 * holds the environment, 400 for an unknown pipeline or environment. Every attempt is audited
 * ({@code run.start}).
 */
final class RunStarts {
    static final String ACTION = "run.start";

    private RunStarts() {
    }

    static void register(Javalin app, WebServices s) {
        app.post("/api/runs", ctx -> {
            Actor actor = Auth.actor(ctx);
            Map<?, ?> body = ctx.body().isBlank() ? Map.of() : ctx.bodyAsClass(Map.class);
            String pipeline = text(body.get("pipeline"));
            String environment = text(body.get("environment"));
            String target = (pipeline == null ? "(server's pipeline)" : pipeline) + " on "
                    + (environment == null ? "(server's environment)" : environment);
            if (!actor.may(Permission.START_RUN)) { // Auth already refused anyone not logged in
                s.audit().record(actor, ACTION, target, AuditTrail.DENIED, "role may not start runs");
                Json.send(ctx, 403, Map.of("message", "role " + actor.role().label()
                        + " may not start runs; ask a developer or a release manager"));
                return;
            }
            if (s.runs() == null) {
                Json.send(ctx, 503, Map.of("message", "this server starts no runs (no configuration repository)"));
                return;
            }
            RunStarter.Outcome o = s.runs().start(pipeline, environment);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("message", o.message());
            if (o instanceof RunStarter.Outcome.Started started) {
                s.audit().record(actor, ACTION, target, AuditTrail.ALLOWED, o.message());
                answer.put("id", started.runId());
                answer.put("page", "/runs/" + started.runId());
                ctx.header("Location", "/api/runs/" + started.runId());
                Json.send(ctx, 201, answer);
            } else {
                s.audit().record(actor, ACTION, target, AuditTrail.FAILED, o.message());
                Json.send(ctx, o instanceof RunStarter.Outcome.Busy ? 409 : 400, answer);
            }
        });
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).trim();
    }
}
