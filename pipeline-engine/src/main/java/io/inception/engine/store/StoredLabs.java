package io.inception.engine.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Labs (migration V11), fenced by generation: an operation on a lab (a build, a delete) takes a new
 * generation with {@link #advance} and writes with {@link #update} under it; once a later operation
 * advanced the generation, the earlier one's writes are refused. Every call is one transaction.
 */
public final class StoredLabs {
    /** For {@link #update}: write whatever the generation. */
    public static final long ANY_GENERATION = -1;

    private final Jdbi jdbi;
    private final Clock clock;

    StoredLabs(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Stores a new lab (generation 0), or replaces the content of a stored one keeping its generation. */
    public void put(String id, String owner, String state, String json) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE labs SET owner = :owner, state = :state, lab_json = :json,"
                            + " updated_at = :now WHERE lab_id = :id")
                    .bind("id", id).bind("owner", owner).bind("state", state).bind("json", json)
                    .bind("now", Sql.ts(now)).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO labs (lab_id, owner, state, generation, lab_json, created_at, updated_at)"
                                + " VALUES (:id, :owner, :state, 0, :json, :now, :now)")
                        .bind("id", id).bind("owner", owner).bind("state", state).bind("json", json)
                        .bind("now", Sql.ts(now)).execute();
            }
        });
    }

    public Optional<StoredLab> find(String id) {
        return jdbi.withHandle(h -> select(h, id, false));
    }

    /** Every lab, oldest first. */
    public List<StoredLab> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM labs ORDER BY created_at, lab_id")
                .map((rs, ctx) -> row(rs)).list());
    }

    /**
     * Starts a new operation on lab {@code id}: its generation goes up by one, which fences the
     * writes of any earlier operation.
     *
     * @return the new generation, or empty when there is no such lab
     */
    public Optional<Long> advance(String id) {
        return jdbi.inTransaction(h -> {
            Optional<StoredLab> lab = select(h, id, true);
            if (lab.isEmpty()) return Optional.empty();
            long next = lab.get().generation() + 1;
            h.createUpdate("UPDATE labs SET generation = :g WHERE lab_id = :id").bind("g", next).bind("id", id).execute();
            return Optional.of(next);
        });
    }

    /**
     * Changes lab {@code id} if its generation is still {@code generation} (or any, with
     * {@link #ANY_GENERATION}): reads it under a row lock, applies {@code change} (which may return
     * its argument unchanged to write nothing new), writes the result.
     *
     * @return the lab as written, or empty when there is no such lab or a later operation owns it
     */
    public Optional<StoredLab> update(String id, long generation, UnaryOperator<StoredLab> change) {
        return jdbi.inTransaction(h -> {
            Optional<StoredLab> lab = select(h, id, true);
            if (lab.isEmpty() || (generation != ANY_GENERATION && lab.get().generation() != generation)) {
                return Optional.empty();
            }
            StoredLab changed = change.apply(lab.get());
            Instant now = clock.instant();
            h.createUpdate("UPDATE labs SET owner = :owner, state = :state, lab_json = :json, updated_at = :now"
                            + " WHERE lab_id = :id")
                    .bind("id", id).bind("owner", changed.owner()).bind("state", changed.state())
                    .bind("json", changed.json()).bind("now", Sql.ts(now)).execute();
            return select(h, id, false);
        });
    }

    private static Optional<StoredLab> select(Handle h, String id, boolean lock) {
        return h.createQuery("SELECT * FROM labs WHERE lab_id = :id" + (lock ? " FOR UPDATE" : ""))
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    private static StoredLab row(ResultSet rs) throws SQLException {
        return new StoredLab(rs.getString("lab_id"), rs.getString("owner"), rs.getString("state"),
                rs.getLong("generation"), rs.getString("lab_json"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
