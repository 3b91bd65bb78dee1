package io.inception.engine.store;

import org.jdbi.v3.core.Jdbi;

import java.util.List;

/** The audit log: append-only. */
public final class AuditLog {
    private final Jdbi jdbi;

    AuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Appends an entry (its {@code id} is ignored) and returns the stored one. */
    public AuditEntry append(AuditEntry e) {
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO audit_log (at, actor, action, target, outcome, detail,"
                        + " source) VALUES (:at, :actor, :action, :target, :outcome, :detail, :source)")
                .bind("at", Sql.ts(e.at())).bind("actor", e.actor()).bind("action", e.action())
                .bind("target", e.target()).bind("outcome", e.outcome()).bind("detail", e.detail())
                .bind("source", e.source())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new AuditEntry(id, Sql.stored(e.at()), e.actor(), e.action(), e.target(), e.outcome(), e.detail(),
                e.source());
    }

    /** The newest entry with this action and target, among the given outcomes. */
    public java.util.Optional<AuditEntry> latest(String action, String target, List<String> outcomes) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, at, actor, action, target, outcome, detail, source"
                        + " FROM audit_log WHERE action = :action AND target = :target AND outcome IN (<outcomes>)"
                        + " ORDER BY id DESC LIMIT 1")
                .bind("action", action).bind("target", target).bindList("outcomes", outcomes)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), Sql.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getString("outcome"),
                        rs.getString("detail"), rs.getString("source")))
                .findFirst());
    }

    /** The most recent entries, newest first. */
    public List<AuditEntry> list(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, at, actor, action, target, outcome, detail, source"
                        + " FROM audit_log ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), Sql.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getString("outcome"),
                        rs.getString("detail"), rs.getString("source")))
                .list());
    }
}
