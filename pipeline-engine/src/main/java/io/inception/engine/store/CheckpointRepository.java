package io.inception.engine.store;

import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checkpoints: durable key/value state per run and stage. Each {@link #put} is its own committed
 * transaction before it returns, so what a stage recorded survives a {@code kill -9} right after.
 */
public final class CheckpointRepository {
    private final Jdbi jdbi;
    private final Clock clock;

    CheckpointRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Optional<String> get(String runId, String stage, String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT content FROM checkpoints"
                        + " WHERE run_id = :run AND stage = :stage AND name = :name")
                .bind("run", runId).bind("stage", stage).bind("name", name).mapTo(String.class).findOne());
    }

    /** Sets a checkpoint and commits. One writer per run and stage (the stage's own execution). */
    public void put(String runId, String stage, String name, String content) {
        if (content == null) throw new IllegalArgumentException("checkpoint '" + name + "': value is null; use remove");
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE checkpoints SET content = :content, updated_at = :at"
                            + " WHERE run_id = :run AND stage = :stage AND name = :name")
                    .bind("content", content).bind("at", Sql.ts(clock.instant()))
                    .bind("run", runId).bind("stage", stage).bind("name", name).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO checkpoints (run_id, stage, name, content, updated_at)"
                                + " VALUES (:run, :stage, :name, :content, :at)")
                        .bind("content", content).bind("at", Sql.ts(clock.instant()))
                        .bind("run", runId).bind("stage", stage).bind("name", name).execute();
            }
        });
    }

    public void remove(String runId, String stage, String name) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM checkpoints WHERE run_id = :run AND stage = :stage"
                        + " AND name = :name")
                .bind("run", runId).bind("stage", stage).bind("name", name).execute());
    }

    /** All checkpoints of a stage, by name. */
    public Map<String, String> all(String runId, String stage) {
        Map<String, String> result = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT name, content FROM checkpoints"
                        + " WHERE run_id = :run AND stage = :stage ORDER BY name")
                .bind("run", runId).bind("stage", stage)
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("content")))
                .forEach(e -> result.put(e.getKey(), e.getValue())));
        return result;
    }
}
