package io.inception.engine.store;

import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.StageDef;
import io.inception.engine.model.StageRun;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stage runs: the state of each stage of each run. Every update is conditional on the stage not
 * being complete, so a finished stage's outcome can never be overwritten by a late or repeated
 * event (a result arriving after a timeout, a resume racing a cancel).
 */
public final class StageRunRepository {
    private static final String COLUMNS =
            "run_id, stage_index, name, stage_type, status, attempt, message, started_at, finished_at";
    private static final String NOT_COMPLETE = " AND status IN ('NOT_STARTED', 'RUNNING', 'WAITING')";
    private static final RowMapper<StageRun> MAPPER = (rs, ctx) -> new StageRun(
            rs.getString("run_id"), rs.getInt("stage_index"), rs.getString("name"), rs.getString("stage_type"),
            ExecutionStatus.valueOf(rs.getString("status")), rs.getInt("attempt"), rs.getString("message"),
            Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"));

    private final Jdbi jdbi;

    StageRunRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insertAll(Handle h, String runId, List<StageDef> stages) {
        for (int i = 0; i < stages.size(); i++) {
            StageDef s = stages.get(i);
            h.createUpdate("INSERT INTO stage_runs (run_id, stage_index, name, stage_type, status, attempt)"
                            + " VALUES (:run, :index, :name, :type, 'NOT_STARTED', 0)")
                    .bind("run", runId).bind("index", i).bind("name", s.name()).bind("type", s.type())
                    .execute();
        }
    }

    /** The stages of a run in pipeline order. */
    public List<StageRun> list(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM stage_runs WHERE run_id = :run ORDER BY stage_index")
                .bind("run", runId).map(MAPPER).list());
    }

    public Optional<StageRun> find(String runId, String stage) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM stage_runs WHERE run_id = :run AND name = :name")
                .bind("run", runId).bind("name", stage).map(MAPPER).findOne());
    }

    /**
     * Marks an attempt as executing: status RUNNING, the attempt number, and the first start time.
     *
     * @return false when the stage is already complete (it must not run again)
     */
    public boolean markRunning(String runId, int index, int attempt, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE stage_runs SET status = 'RUNNING', attempt = :attempt,"
                        + " started_at = COALESCE(started_at, :at) WHERE run_id = :run AND stage_index = :index"
                        + NOT_COMPLETE)
                .bind("attempt", attempt).bind("at", Sql.ts(at)).bind("run", runId).bind("index", index)
                .execute()) == 1;
    }

    /**
     * Marks the stage as waiting to be polled or retried, with a progress or retry message.
     *
     * @return false when the stage is already complete
     */
    public boolean markWaiting(String runId, int index, String message) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE stage_runs SET status = 'WAITING', message = :message"
                        + " WHERE run_id = :run AND stage_index = :index" + NOT_COMPLETE)
                .bind("message", message).bind("run", runId).bind("index", index).execute()) == 1;
    }

    /**
     * Completes the stage with a final status, a message and (on success) its output as JSON.
     *
     * @return false when the stage was already complete; the earlier outcome stands
     */
    public boolean complete(String runId, int index, ExecutionStatus status, String message, Object output,
                            Instant at) {
        if (!status.isComplete()) throw new IllegalArgumentException(status + " is not a final status");
        String json = output == null ? null : EngineJson.write(output);
        String type = output == null ? null : output.getClass().getName();
        return jdbi.withHandle(h -> h.createUpdate("UPDATE stage_runs SET status = :status, message = :message,"
                        + " output_json = :output, output_type = :type, finished_at = :at"
                        + " WHERE run_id = :run AND stage_index = :index" + NOT_COMPLETE)
                .bind("status", status.name()).bind("message", message).bind("output", json).bind("type", type)
                .bind("at", Sql.ts(at)).bind("run", runId).bind("index", index).execute()) == 1;
    }

    /** The stored output of a stage as JSON, when it succeeded with an output. */
    public Optional<String> outputJson(String runId, String stage) {
        return jdbi.withHandle(h -> h.createQuery("SELECT output_json FROM stage_runs"
                        + " WHERE run_id = :run AND name = :name AND output_json IS NOT NULL")
                .bind("run", runId).bind("name", stage).mapTo(String.class).findOne());
    }

    /** The stored output of a stage read back as {@code type}. */
    public <T> Optional<T> output(String runId, String stage, Class<T> type) {
        return outputJson(runId, stage).map(json -> EngineJson.read(json, type));
    }
}
