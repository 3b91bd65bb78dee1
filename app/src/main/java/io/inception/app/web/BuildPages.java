package io.inception.app.web;

import io.inception.app.release.BuildSummary;
import io.inception.app.release.EnvironmentLag;
import io.inception.app.release.ReleaseManifest;
import io.inception.engine.model.BranchHead;
import io.inception.engine.model.StageRun;
import io.inception.engine.store.LogLine;
import io.inception.engine.store.Promotion;
import io.inception.engine.store.RunDetails;

import java.time.Duration;
import java.util.List;

import static io.inception.app.web.Html.esc;

/** The builds page (with each build's value stream and every environment's lag), a build, and a run. */
final class BuildPages {
    private BuildPages() {
    }

    static String builds(List<BuildSummary> builds, List<EnvironmentLag> lag, Duration warnAfter) {
        StringBuilder b = new StringBuilder("<h2>Lag behind trunk</h2><table id=lag><tr><th>environment<th>build"
                + "<th>trunk commits missing<th>days behind<th></tr>");
        for (EnvironmentLag l : lag) {
            b.append("<tr class=\"").append(l.warn() ? "warn" : "").append("\" id=\"lag-").append(esc(l.environment()))
                    .append("\"><td>").append(esc(l.environment())).append("<td>").append(link(l.buildId()))
                    .append("<td>").append(l.commits() < 0 ? "?" : l.commits()).append("<td>")
                    .append(l.days() < 0 ? esc(l.note()) : String.format("%.1f", l.days()))
                    .append("<td>").append(l.warn() ? "over " + warnAfter.toDays() + " days" : "").append("</tr>");
        }
        b.append("</table><h2>Builds</h2><table id=builds><tr><th>build<th>created<th>version<th>status"
                + "<th>trunk → staging</tr>");
        for (BuildSummary s : builds) {
            b.append("<tr><td>").append(link(s.buildId())).append("<td>").append(esc(s.createdAt())).append("<td>")
                    .append(esc(s.version())).append("<td>").append(esc(s.status())).append("<td class=stream>");
            for (String step : s.stream()) {
                String[] p = step.split(":", 2);
                b.append("<span class=\"step ").append(esc(p[1])).append("\">").append(esc(p[0])).append("</span>");
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    static String build(ReleaseManifest m, String csrf) {
        StringBuilder b = new StringBuilder("<div class=stream id=stream>");
        for (ReleaseManifest.Step s : m.stream()) {
            b.append("<div class=\"station ").append(esc(s.state())).append("\" data-station=\"").append(esc(s.station()))
                    .append("\"><b>").append(esc(s.station())).append("</b><br>").append(esc(s.state()))
                    .append("<br><small>").append(esc(s.detail())).append("</small></div>");
        }
        b.append("</div><h2>Sources</h2><table>");
        if (m.trunk() != null) b.append(row("trunk", m.trunk()));
        for (BranchHead h : m.branches()) b.append(row(h.name(), h));
        b.append("</table><h2>Packages</h2>");
        if (m.packages() == null) {
            b.append("<p>not packaged yet</p>");
        } else {
            b.append("<p>").append(esc(m.packages().version())).append(" in apt snapshot <code>")
                    .append(esc(m.packages().snapshot())).append("</code></p><table>");
            for (ReleaseManifest.PackageEntry p : m.packages().packages()) {
                b.append("<tr><td>").append(esc(p.name())).append("<td>").append(esc(p.architecture()))
                        .append("<td><code>").append(esc(p.sha256())).append("</code></tr>");
            }
            b.append("</table>");
        }
        b.append("<p>Puppet manifests @ <code>").append(esc(nz(m.puppetCommit()))).append("</code>, pipeline @ <code>")
                .append(esc(String.join(", ", m.pipelineCommits()))).append("</code></p><h2>Runs</h2><ul>");
        for (ReleaseManifest.RunResult r : m.runs()) {
            b.append("<li><a href=\"/runs/").append(esc(r.runId())).append("\">").append(esc(r.runId())).append("</a> ")
                    .append(esc(r.pipeline())).append(" on ").append(esc(r.target())).append(": ").append(esc(r.status()));
        }
        b.append("</ul><h2>Deploys</h2><ul>");
        for (ReleaseManifest.Deploy d : m.deploys()) {
            b.append("<li><a href=\"/rollouts/").append(esc(d.rolloutId())).append("\">").append(esc(d.environment()))
                    .append(" ").append(esc(d.rolloutId())).append("</a>: ").append(esc(d.status())).append(", ")
                    .append(d.hostsDone()).append('/').append(d.hosts()).append(" hosts, by ").append(esc(d.by()));
        }
        b.append("</ul><h2>Promotions</h2><ul>");
        for (Promotion p : m.promotions()) {
            b.append("<li>").append(esc(p.id())).append(" to ").append(esc(p.environment())).append(": ")
                    .append(esc(p.status())).append(", requested by ").append(esc(p.requestedBy()))
                    .append(p.approvedBy() == null ? "" : ", approved by " + esc(p.approvedBy())).append(" at ")
                    .append(esc(p.updatedAt()));
        }
        b.append("</ul>").append(PromotionPages.promoteForm(m.buildId(), csrf));
        return b.toString();
    }

    /**
     * A run: its stages as a timeline, then its logs. A stage of type {@code approval} still waiting gets
     * Approve / Reject buttons when {@code mayDecide} (the viewer is a release manager).
     */
    static String run(RunDetails d, boolean mayDecide, String csrf) {
        StringBuilder b = new StringBuilder("<p>").append(esc(d.run().pipeline())).append(" @ <code>")
                .append(esc(nz(d.run().pipelineCommit()))).append("</code> on ").append(esc(d.run().target()))
                .append(", build ").append(link(d.run().buildId())).append(": <b id=run-status>")
                .append(esc(d.run().status())).append("</b></p><h2>Stages</h2><table id=timeline>");
        java.time.Instant start = d.run().startedAt();
        long total = start == null ? 1 : Math.max(1, d.stages().stream().filter(s -> s.finishedAt() != null)
                .mapToLong(s -> Duration.between(start, s.finishedAt()).toMillis()).max().orElse(1));
        for (StageRun s : d.stages()) {
            long from = start == null || s.startedAt() == null ? 0 : Duration.between(start, s.startedAt()).toMillis();
            long to = s.finishedAt() == null ? from : Duration.between(start, s.finishedAt()).toMillis();
            b.append("<tr><td>").append(esc(s.name())).append("<td>").append(esc(s.status())).append("<td class=bar>")
                    .append("<span class=\"seg ").append(esc(s.status())).append("\" style=\"margin-left:")
                    .append(100 * from / total).append("%;width:").append(Math.max(1, 100 * (to - from) / total))
                    .append("%\"></span><td>").append(esc(nz(s.message())));
            if (mayDecide && RunDecisions.waiting(s)) b.append(RunDecisions.form(d.run().id(), s.name(), csrf));
            b.append("</tr>");
        }
        b.append("</table><h2>Logs</h2><pre id=logs>");
        for (LogLine l : d.logs()) {
            b.append(esc(l.at())).append(" [").append(esc(l.stage())).append("] ").append(esc(l.severity())).append(' ')
                    .append(esc(l.message())).append('\n');
        }
        return b.append("</pre>").toString();
    }

    private static String row(String name, BranchHead h) {
        return "<tr><td>" + esc(name) + "<td>" + esc(h.status()) + "<td><code>" + esc(h.sha()) + "</code><td>"
                + esc(h.url()) + "#" + esc(h.branch()) + "</tr>";
    }

    static String link(String buildId) {
        return buildId == null ? "-" : "<a href=\"/builds/" + esc(buildId) + "\">" + esc(buildId) + "</a>";
    }

    static String nz(String s) {
        return s == null ? "-" : s;
    }
}
