package io.inception.app.web;

import io.inception.app.labs.LabDesk;
import io.inception.engine.config.Durations;
import io.inception.xen.lab.Lab;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.inception.app.web.Html.esc;

/**
 * The labs page: every lab with its lease, a form to request one from a template, and extend and delete
 * buttons; the same {@link LabDesk} as the API (so the same permissions and audit entries).
 */
final class LabPages {
    private LabPages() {
    }

    static void register(Javalin app, WebServices s) {
        LabDesk desk = s.labs() == null ? null : new LabDesk(s.labs(), s.audit());
        app.get("/labs", ctx -> render(ctx, s, null, false));
        app.post("/labs", ctx -> act(ctx, s, desk, () -> desk.create(Auth.actor(ctx), ctx.formParam("template"),
                blank(ctx.formParam("name")), ttl(ctx.formParam("ttl")))));
        app.post("/labs/{id}/extend", ctx -> act(ctx, s, desk, () -> desk.extend(Auth.actor(ctx), ctx.pathParam("id"),
                ttl(ctx.formParam("by")) == null ? Duration.ofHours(8) : ttl(ctx.formParam("by")))));
        app.post("/labs/{id}/delete", ctx -> act(ctx, s, desk, () -> desk.delete(Auth.actor(ctx), ctx.pathParam("id"))));
    }

    private static void act(Context ctx, WebServices s, LabDesk desk, java.util.function.Supplier<LabDesk.Outcome> work) {
        if (desk == null) {
            ctx.status(503);
            render(ctx, s, null, false);
            return;
        }
        LabDesk.Outcome o;
        try {
            o = work.get();
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            render(ctx, s, e.getMessage(), true);
            return;
        }
        ctx.status(o instanceof LabDesk.Outcome.Done ? 200 : o instanceof LabDesk.Outcome.Denied ? 403 : 409);
        render(ctx, s, (o instanceof LabDesk.Outcome.Denied ? "denied: " : "") + o.message(),
                !(o instanceof LabDesk.Outcome.Done));
    }

    private static void render(Context ctx, WebServices s, String message, boolean error) {
        ctx.html(Html.page("Labs", Auth.actor(ctx), Auth.csrf(ctx), body(s.labs() == null ? null
                : s.labs().list(Optional.empty()), s.labs() == null ? List.of() : List.copyOf(s.labs().templates().keySet()),
                message, error, Auth.csrf(ctx))));
    }

    static String body(List<Lab> labs, List<String> templates, String message, boolean error, String csrf) {
        StringBuilder b = new StringBuilder();
        if (message != null) {
            b.append("<p id=message class=\"").append(error ? "error" : "ok").append("\">").append(esc(message)).append("</p>");
        }
        if (labs == null) {
            return b.append("<p id=labs-off>No XenServer pool is configured (INCEPTION_XENAPI_URL): labs are off.</p>")
                    .toString();
        }
        b.append("<form method=post action=/labs id=request-lab>").append(Html.csrfField(csrf)).append("<select name=template>");
        for (String t : templates.stream().sorted().toList()) {
            b.append("<option value=\"").append(esc(t)).append("\">").append(esc(t)).append("</option>");
        }
        b.append("</select> <input name=name placeholder=name> <input name=ttl placeholder=\"ttl, e.g. 8h\">"
                + " <button id=request-lab-button>Request a lab</button></form>");
        b.append("<table id=labs><tr><th>lab<th>owner<th>template<th>state<th>hosts<th>expires<th>master<th></tr>");
        for (Lab l : labs) {
            b.append("<tr id=\"lab-").append(esc(l.id())).append("\"><td>").append(esc(l.name())).append(" <small>")
                    .append(esc(l.id())).append("</small><td>").append(esc(l.owner())).append("<td>").append(esc(l.template()))
                    .append("<td class=state>").append(esc(l.state())).append(progress(l)).append("<td>").append(l.hosts()).append("<td>")
                    .append(esc(l.lease().expiresAt())).append("<td>").append(esc(BuildPages.nz(l.masterAddress())))
                    .append("<td>");
            if (l.live()) {
                b.append("<form method=post class=inline action=\"/labs/").append(esc(l.id())).append("/extend\">")
                        .append(Html.csrfField(csrf)).append("<input name=by size=4 value=8h><button class=extend>Extend"
                                + "</button></form> <form method=post class=inline action=\"/labs/").append(esc(l.id()))
                        .append("/delete\">").append(Html.csrfField(csrf)).append("<button class=delete>Delete</button></form>");
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    /** A lab being built or deleted shows its progress (the page shows the shared state, from any node). */
    private static String progress(Lab l) {
        boolean pending = l.state() == Lab.State.CREATING || l.state() == Lab.State.DELETING;
        return pending ? " <small class=progress>" + esc(l.message()) + "</small>" : "";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Duration ttl(String text) {
        if (text == null || text.isBlank()) return null;
        return Durations.parse(text.strip()).orElseThrow(() -> new IllegalArgumentException(
                "bad duration '" + text + "': " + Durations.EXAMPLES));
    }
}
