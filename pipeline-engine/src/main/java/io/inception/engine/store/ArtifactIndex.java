package io.inception.engine.store;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The index of files stages stored; the files themselves live under the run's folder. */
public final class ArtifactIndex {
    private static final RowMapper<ArtifactEntry> MAPPER = (rs, ctx) -> new ArtifactEntry(rs.getString("run_id"),
            rs.getString("stage"), rs.getString("name"), Path.of(rs.getString("file_path")),
            rs.getLong("size_bytes"), rs.getString("sha256"), Sql.instant(rs, "created_at"));
    private static final String COLUMNS = "run_id, stage, name, file_path, size_bytes, sha256, created_at";

    private final Jdbi jdbi;
    private final Clock clock;

    ArtifactIndex(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Records (or replaces) the entry for {@code name} of a stage. */
    public void record(String runId, String stage, String name, Path path, long sizeBytes, String sha256) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM artifacts WHERE run_id = :run AND stage = :stage AND name = :name")
                    .bind("run", runId).bind("stage", stage).bind("name", name).execute();
            h.createUpdate("INSERT INTO artifacts (run_id, stage, name, file_path, size_bytes, sha256, created_at)"
                            + " VALUES (:run, :stage, :name, :path, :size, :sha, :at)")
                    .bind("run", runId).bind("stage", stage).bind("name", name)
                    .bind("path", path.toAbsolutePath().toString()).bind("size", sizeBytes).bind("sha", sha256)
                    .bind("at", Sql.ts(clock.instant())).execute();
        });
    }

    public List<ArtifactEntry> list(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM artifacts WHERE run_id = :run ORDER BY id")
                .bind("run", runId).map(MAPPER).list());
    }

    public List<ArtifactEntry> list(String runId, String stage) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM artifacts WHERE run_id = :run AND stage = :stage ORDER BY id")
                .bind("run", runId).bind("stage", stage).map(MAPPER).list());
    }
}
