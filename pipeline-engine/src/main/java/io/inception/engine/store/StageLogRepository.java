package io.inception.engine.store;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Clock;
import java.util.List;

/** Stage logs: the lines stages write, stored with the run. */
public final class StageLogRepository {
    private static final RowMapper<LogLine> MAPPER = (rs, ctx) -> new LogLine(rs.getString("run_id"),
            rs.getString("stage"), rs.getString("severity"), rs.getString("message"), Sql.instant(rs, "logged_at"));
    private static final int MAX_LINE = 64 * 1024;

    private final Jdbi jdbi;
    private final Clock clock;

    StageLogRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Appends one line; lines longer than 64 KiB are cut and marked. */
    public void append(String runId, String stage, String severity, String message) {
        String line = message == null ? "" : message;
        if (line.length() > MAX_LINE) line = line.substring(0, MAX_LINE) + " [... cut]";
        String text = line;
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO stage_logs (run_id, stage, severity, message, logged_at)"
                        + " VALUES (:run, :stage, :severity, :message, :at)")
                .bind("run", runId).bind("stage", stage).bind("severity", severity).bind("message", text)
                .bind("at", Sql.ts(clock.instant())).execute());
    }

    /** Every line of a run, in the order written. */
    public List<LogLine> list(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT run_id, stage, severity, message, logged_at"
                        + " FROM stage_logs WHERE run_id = :run ORDER BY id")
                .bind("run", runId).map(MAPPER).list());
    }

    /** The lines of one stage of a run, in the order written. */
    public List<LogLine> list(String runId, String stage) {
        return jdbi.withHandle(h -> h.createQuery("SELECT run_id, stage, severity, message, logged_at"
                        + " FROM stage_logs WHERE run_id = :run AND stage = :stage ORDER BY id")
                .bind("run", runId).bind("stage", stage).map(MAPPER).list());
    }
}
