package io.inception.engine.store;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.time.Clock;
import java.util.Optional;

/**
 * Run locks, one row per pipeline and target. The primary key makes {@link #tryInsert} atomic on
 * every database; {@link #takeOver} is a compare-and-set on the holder's owner and heartbeat, so of
 * several processes that judge a lock stale only one gets it. The policy (when a lock is stale,
 * how long to wait) belongs to the executor.
 */
public final class RunLocks {
    private static final String COLUMNS =
            "pipeline, target, run_id, owner, owner_pid, owner_host, acquired_at, heartbeat_at";
    private static final RowMapper<RunLock> MAPPER = (rs, ctx) -> new RunLock(rs.getString("pipeline"),
            rs.getString("target"), rs.getString("run_id"), rs.getString("owner"), rs.getLong("owner_pid"),
            rs.getString("owner_host"), Sql.instant(rs, "acquired_at"), Sql.instant(rs, "heartbeat_at"));

    private final Jdbi jdbi;
    private final Clock clock;

    RunLocks(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Takes the free lock of {@code pipeline} on {@code target} for a run.
     *
     * @return true when the lock was free and is now held; false when another row holds it
     */
    public boolean tryInsert(String pipeline, String target, String runId, String owner, long ownerPid,
                             String ownerHost) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO run_locks (" + COLUMNS + ") VALUES (:pipeline, :target,"
                            + " :run, :owner, :pid, :host, :now, :now)")
                    .bind("pipeline", pipeline).bind("target", target).bind("run", runId).bind("owner", owner)
                    .bind("pid", ownerPid).bind("host", ownerHost).bind("now", Sql.ts(clock.instant()))
                    .execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (Sql.isUniqueViolation(e)) return false;
            throw e;
        }
    }

    public Optional<RunLock> find(String pipeline, String target) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM run_locks WHERE pipeline = :pipeline AND target = :target")
                .bind("pipeline", pipeline).bind("target", target).map(MAPPER).findOne());
    }

    /** The lock a run holds, if any. */
    public Optional<RunLock> heldBy(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM run_locks WHERE run_id = :run")
                .bind("run", runId).map(MAPPER).findOne());
    }

    /**
     * Replaces {@code stale} with a new holder, only if the row is still exactly {@code stale}
     * (same owner, same run, same heartbeat).
     *
     * @return true when this caller now holds the lock
     */
    public boolean takeOver(RunLock stale, String runId, String owner, long ownerPid, String ownerHost) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE run_locks SET run_id = :run, owner = :owner,"
                        + " owner_pid = :pid, owner_host = :host, acquired_at = :now, heartbeat_at = :now"
                        + " WHERE pipeline = :pipeline AND target = :target AND owner = :oldOwner"
                        + " AND run_id = :oldRun AND heartbeat_at = :oldHeartbeat")
                .bind("run", runId).bind("owner", owner).bind("pid", ownerPid).bind("host", ownerHost)
                .bind("now", Sql.ts(clock.instant()))
                .bind("pipeline", stale.pipeline()).bind("target", stale.target())
                .bind("oldOwner", stale.owner()).bind("oldRun", stale.runId())
                .bind("oldHeartbeat", Sql.ts(stale.heartbeatAt()))
                .execute()) == 1;
    }

    /**
     * Refreshes the heartbeat of the lock a run holds.
     *
     * @return false when the lock is no longer held by this run and owner (it was taken over)
     */
    public boolean heartbeat(String runId, String owner) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE run_locks SET heartbeat_at = :now"
                        + " WHERE run_id = :run AND owner = :owner")
                .bind("now", Sql.ts(clock.instant())).bind("run", runId).bind("owner", owner).execute()) == 1;
    }

    /** Releases the lock a run holds, if this owner still holds it. */
    public boolean release(String runId, String owner) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM run_locks WHERE run_id = :run AND owner = :owner")
                .bind("run", runId).bind("owner", owner).execute()) == 1;
    }
}
