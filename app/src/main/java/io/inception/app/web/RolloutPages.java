package io.inception.app.web;

import io.inception.engine.rollout.RolloutRecord;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.inception.app.web.Html.esc;

/** The rollouts list and the live grid: one row per wave, one column per cell, one square per host. */
final class RolloutPages {
    private RolloutPages() {
    }

    static String list(List<RolloutRecord> rollouts) {
        StringBuilder b = new StringBuilder("<table id=rollouts><tr><th>rollout<th>environment<th>build<th>version"
                + "<th>status<th>updated</tr>");
        for (RolloutRecord r : rollouts) {
            b.append("<tr><td><a href=\"/rollouts/").append(esc(r.id())).append("\">").append(esc(r.id()))
                    .append("</a><td>").append(esc(r.spec().environment())).append("<td>")
                    .append(BuildPages.link(r.spec().buildId())).append("<td>").append(esc(r.spec().version()))
                    .append("<td>").append(esc(r.status())).append("<td>").append(esc(r.updatedAt())).append("</tr>");
        }
        return b.append("</table>").toString();
    }

    static String grid(RolloutView v) {
        Map<Integer, Map<String, StringBuilder>> waves = new TreeMap<>();
        TreeMap<String, Boolean> cells = new TreeMap<>();
        for (RolloutView.HostCell h : v.hosts()) {
            cells.put(h.cell(), true);
            waves.computeIfAbsent(h.wave(), w -> new TreeMap<>()).computeIfAbsent(h.cell(), c -> new StringBuilder())
                    .append("<span class=\"host ").append(esc(h.phase())).append("\" id=\"host-").append(esc(h.host()))
                    .append("\" data-phase=\"").append(esc(h.phase())).append("\" title=\"").append(esc(h.host()))
                    .append(": ").append(esc(h.phase())).append(h.message().isEmpty() ? "" : " — " + esc(h.message()))
                    .append("\"></span>");
        }
        StringBuilder b = new StringBuilder("<p>").append(esc(v.environment())).append(", build ")
                .append(BuildPages.link(v.buildId())).append(", ").append(esc(v.version())).append(": <b id=rollout-status>")
                .append(esc(v.status())).append("</b> <span id=live></span></p><p class=legend>");
        for (String phase : List.of("PENDING", "DRAINING", "UPGRADING", "VERIFYING", "UNDRAINING", "DONE", "FAILED",
                "ROLLING_BACK", "ROLLED_BACK")) {
            b.append("<span class=\"host ").append(phase).append("\"></span>").append(phase.toLowerCase()).append(' ');
        }
        b.append("</p><table id=grid data-rollout=\"").append(esc(v.id())).append("\"><tr><th>wave");
        for (String c : cells.keySet()) b.append("<th>").append(esc(c));
        b.append("</tr>");
        for (Map.Entry<Integer, Map<String, StringBuilder>> w : waves.entrySet()) {
            b.append("<tr><th>").append(w.getKey() + 1);
            for (String c : cells.keySet()) {
                StringBuilder hosts = w.getValue().get(c);
                b.append("<td>").append(hosts == null ? "" : hosts);
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }
}
