package io.inception.app.web;

import io.inception.engine.store.AuditEntry;
import io.inception.engine.store.Promotion;
import io.inception.engine.store.PromotionStatus;

import java.util.List;

import static io.inception.app.web.Html.esc;

/** The promotions page (with approve buttons), the promote form, and the audit log. */
final class PromotionPages {
    private PromotionPages() {
    }

    static String promoteForm(String buildId, String csrf) {
        return "<form method=post action=/promotions class=inline>" + Html.csrfField(csrf)
                + "<input type=hidden name=build value=\"" + esc(buildId) + "\"><input type=hidden name=to value=staging>"
                + "<button name=action value=promote id=promote>Promote to staging</button> "
                + "<button name=action value=request id=request>Request promotion</button></form>";
    }

    static String promotions(List<Promotion> promotions, String message, boolean error, String csrf) {
        StringBuilder b = new StringBuilder();
        if (message != null) {
            b.append("<p id=message class=\"").append(error ? "error" : "ok").append("\">").append(esc(message))
                    .append("</p>");
        }
        b.append("<form method=post action=/promotions/rollback class=inline>").append(Html.csrfField(csrf))
                .append("<input type=hidden name=environment value=staging><button id=rollback>Roll back staging"
                        + "</button></form>");
        b.append("<table id=promotions><tr><th>promotion<th>build<th>to<th>status<th>requested by<th>approved by"
                + "<th>when<th>message<th></tr>");
        for (Promotion p : promotions) {
            b.append("<tr id=\"promotion-").append(esc(p.id())).append("\"><td><a href=\"/promotions/").append(esc(p.id()))
                    .append("\">").append(esc(p.id())).append("</a><td>")
                    .append(BuildPages.link(p.buildId())).append("<td>").append(esc(p.environment()))
                    .append("<td class=status>").append(esc(p.status())).append("<td>").append(esc(p.requestedBy()))
                    .append("<td>").append(esc(BuildPages.nz(p.approvedBy()))).append("<td>").append(esc(p.updatedAt()))
                    .append("<td>").append(esc(p.message())).append("<td>");
            if (p.status() == PromotionStatus.PENDING) {
                b.append("<form method=post action=\"/promotions/").append(esc(p.id())).append("/approve\">")
                        .append(Html.csrfField(csrf)).append("<button class=approve id=\"approve-").append(esc(p.id()))
                        .append("\">Approve</button></form>");
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    /**
     * One promotion: where it is, its latest step and the steps so far; while it runs, app.js polls
     * {@code /api/promotions/{id}} and updates them until it ends.
     */
    static String promotion(Promotion p, boolean complete, List<String> progress) {
        StringBuilder b = new StringBuilder("<table id=promotion data-promotion=\"").append(esc(p.id()))
                .append("\" data-complete=\"").append(complete).append("\">");
        b.append("<tr><th>build<td>").append(BuildPages.link(p.buildId())).append("</tr><tr><th>to<td>")
                .append(esc(p.environment())).append("</tr><tr><th>status<td id=promotion-status class=\"")
                .append(esc(p.status())).append("\">").append(esc(p.status())).append("</tr><tr><th>requested by<td>")
                .append(esc(p.requestedBy())).append("</tr><tr><th>approved by<td>").append(esc(BuildPages.nz(p.approvedBy())))
                .append("</tr><tr><th>previous build<td>").append(BuildPages.link(p.previousBuild()))
                .append("</tr><tr><th>snapshot<td><code>").append(esc(BuildPages.nz(p.snapshot())))
                .append("</code></tr><tr><th>Puppet commit<td><code>").append(esc(BuildPages.nz(p.puppetCommit())))
                .append("</code></tr><tr><th>updated<td id=promotion-updated>").append(esc(p.updatedAt()))
                .append("</tr><tr><th>message<td id=promotion-message>").append(esc(p.message()))
                .append("</tr></table><p><span id=promotion-live>").append(complete ? "" : "following…")
                .append("</span></p><h2>Steps</h2><pre id=progress>");
        for (String line : progress) b.append(esc(line)).append('\n');
        return b.append("</pre>").toString();
    }

    static String audit(List<AuditEntry> entries) {
        StringBuilder b = new StringBuilder("<table id=audit><tr><th>#<th>when<th>who<th>from<th>action<th>target"
                + "<th>outcome<th>detail</tr>");
        for (AuditEntry e : entries) {
            b.append("<tr class=\"").append(esc(e.outcome())).append("\"><td>").append(e.id()).append("<td>")
                    .append(esc(e.at())).append("<td>").append(esc(e.actor())).append("<td>").append(esc(e.source()))
                    .append("<td>").append(esc(e.action())).append("<td>").append(esc(e.target())).append("<td>")
                    .append(esc(e.outcome())).append("<td>").append(esc(e.detail())).append("</tr>");
        }
        return b.append("</table>").toString();
    }
}
