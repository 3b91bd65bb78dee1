package io.inception.engine.store;

import io.inception.engine.model.Environment;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.Run;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Runs: one row per execution of a pipeline on a target. */
public final class RunRepository {
    private static final String COLUMNS =
            "id, pipeline, pipeline_commit, target, build_id, status, created_at, started_at, finished_at";
    private static final RowMapper<Run> MAPPER = (rs, ctx) -> new Run(
            rs.getString("id"), rs.getString("pipeline"), rs.getString("pipeline_commit"),
            rs.getString("target"), rs.getString("build_id"), ExecutionStatus.valueOf(rs.getString("status")),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"));

    private final Jdbi jdbi;

    RunRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(Handle h, NewRun newRun) {
        Run run = newRun.run();
        h.createUpdate("INSERT INTO runs (id, pipeline, pipeline_commit, target, build_id, status, definition_json,"
                        + " environment_json, created_at, started_at, finished_at) VALUES (:id, :pipeline, :commit,"
                        + " :target, :buildId, :status, :definition, :environment, :createdAt, :startedAt, :finishedAt)")
                .bind("id", run.id())
                .bind("pipeline", run.pipeline())
                .bind("commit", run.pipelineCommit())
                .bind("target", run.target())
                .bind("buildId", run.buildId())
                .bind("status", run.status().name())
                .bind("definition", EngineJson.write(newRun.definition()))
                .bind("environment", EngineJson.write(newRun.environment()))
                .bind("createdAt", Sql.ts(run.createdAt()))
                .bind("startedAt", Sql.ts(run.startedAt()))
                .bind("finishedAt", Sql.ts(run.finishedAt()))
                .execute();
    }

    public Optional<Run> find(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM runs WHERE id = :id")
                .bind("id", runId).map(MAPPER).findOne());
    }

    /** The most recent runs, newest first. */
    public List<Run> list(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM runs ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit).map(MAPPER).list());
    }

    /** Every run that carried {@code buildId}, oldest first. */
    public List<Run> ofBuild(String buildId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM runs WHERE build_id = :build ORDER BY created_at, id")
                .bind("build", buildId).map(MAPPER).list());
    }

    /** The 50 most recent runs, newest first. */
    public List<Run> list() {
        return list(50);
    }

    /** Runs in {@code status}, oldest first (e.g. RUNNING ones to resume after a restart). */
    public List<Run> withStatus(ExecutionStatus status) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM runs WHERE status = :status ORDER BY created_at, id")
                .bind("status", status.name()).map(MAPPER).list());
    }

    /** The pipeline definition the run was started with. */
    public Optional<PipelineDef> definition(String runId) {
        return column(runId, "definition_json").map(json -> EngineJson.read(json, PipelineDef.class));
    }

    /** The environment the run was started with. */
    public Optional<Environment> environment(String runId) {
        return column(runId, "environment_json").map(json -> EngineJson.read(json, Environment.class));
    }

    private Optional<String> column(String runId, String column) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + column + " FROM runs WHERE id = :id")
                .bind("id", runId).mapTo(String.class).findOne());
    }

    /**
     * Completes a run unless it is already complete.
     *
     * @return false when the run was already complete (the earlier outcome stands)
     */
    public boolean finish(String runId, ExecutionStatus status, Instant at) {
        if (!status.isComplete()) throw new IllegalArgumentException(status + " is not a final status");
        return jdbi.withHandle(h -> h.createUpdate("UPDATE runs SET status = :status, finished_at = :at"
                        + " WHERE id = :id AND status IN ('NOT_STARTED', 'RUNNING', 'WAITING')")
                .bind("status", status.name()).bind("at", Sql.ts(at)).bind("id", runId).execute()) == 1;
    }

    /** Records the build the run carries. */
    public void bindBuild(String runId, String buildId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE runs SET build_id = :build WHERE id = :id")
                .bind("build", buildId).bind("id", runId).execute());
    }

    /** Asks whichever process executes the run to cancel it. */
    public void requestCancel(String runId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE runs SET cancel_requested = TRUE WHERE id = :id")
                .bind("id", runId).execute());
    }

    public boolean isCancelRequested(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT cancel_requested FROM runs WHERE id = :id")
                .bind("id", runId).mapTo(Boolean.class).findOne().orElse(false));
    }
}
