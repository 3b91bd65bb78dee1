package io.inception.app.web;

import io.inception.app.access.Permission;
import io.inception.app.approval.ApprovalStageType;
import io.inception.app.approval.Approvals;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.StageRun;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.Map;

import static io.inception.app.web.Html.esc;

/**
 * Decisions on a run's {@code approval} stage (a pipeline's manual gate): the API
 * ({@code POST /api/runs/{id}/stages/{stage}/decision}, JSON {@code {"approve": true|false, "comment": "..."}}) and
 * the run page's Approve / Reject form ({@code POST /runs/{id}/stages/{stage}/decision}, session + CSRF). Both go
 * through {@link Approvals#decide}, which refuses and audits anyone but a release manager.
 */
final class RunDecisions {
    private RunDecisions() {
    }

    static void register(Javalin app, WebServices s) {
        app.post("/api/runs/{id}/stages/{stage}/decision", ctx -> {
            Map<?, ?> body = ctx.bodyAsClass(Map.class);
            Approvals.Outcome o = decide(ctx, s, !Boolean.FALSE.equals(body.get("approve")),
                    body.get("comment") == null ? null : String.valueOf(body.get("comment")));
            Json.send(ctx, status(o), Map.of("message", o.message()));
        });
        app.post("/runs/{id}/stages/{stage}/decision", ctx -> {
            Approvals.Outcome o = decide(ctx, s, "approve".equals(ctx.formParam("decision")), ctx.formParam("comment"));
            ctx.status(status(o));
            WebServer.runPage(ctx, s, ctx.pathParam("id"), (o instanceof Approvals.Outcome.Denied ? "denied: " : "")
                    + o.message(), !(o instanceof Approvals.Outcome.Decided));
        });
    }

    private static Approvals.Outcome decide(Context ctx, WebServices s, boolean approve, String comment) {
        return new Approvals(s.store(), s.audit()).decide(Auth.actor(ctx), ctx.pathParam("id"), ctx.pathParam("stage"),
                approve, comment == null || comment.isBlank() ? null : comment.trim());
    }

    private static int status(Approvals.Outcome o) {
        return o instanceof Approvals.Outcome.Decided ? 200 : o instanceof Approvals.Outcome.Denied ? 403 : 409;
    }

    /** May the viewer decide gates at all (the buttons are shown only then; the server checks again). */
    static boolean mayDecide(Context ctx) {
        return Auth.actor(ctx) != null && Auth.actor(ctx).may(Permission.PROMOTE);
    }

    /** An approval stage that has started and not ended: it waits for a decision. */
    static boolean waiting(StageRun stage) {
        return stage.type().equals(ApprovalStageType.APPROVAL.name())
                && (stage.status() == ExecutionStatus.RUNNING || stage.status() == ExecutionStatus.WAITING);
    }

    static String form(String runId, String stage, String csrf) {
        String action = "/runs/" + esc(runId) + "/stages/" + esc(stage) + "/decision";
        return "<form method=post action=\"" + action + "\" class=decision id=\"decide-" + esc(stage) + "\">"
                + Html.csrfField(csrf) + "<input name=comment placeholder=\"comment (optional)\" id=\"comment-"
                + esc(stage) + "\"> <button name=decision value=approve class=approve id=\"approve-" + esc(stage)
                + "\">Approve</button> <button name=decision value=reject class=reject id=\"reject-" + esc(stage)
                + "\">Reject</button></form>";
    }
}
