package io.inception.engine.store;

import io.inception.engine.fleet.HostTarget;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.rollout.HostPhase;
import io.inception.engine.rollout.HostRecord;
import io.inception.engine.rollout.RolloutRecord;
import io.inception.engine.rollout.RolloutSpec;
import io.inception.engine.rollout.RolloutStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Rollouts and their hosts in the store; every call is one committed transaction. */
public final class StoredRollouts implements RolloutStore {
    private static final String HOST_COLUMNS = "host, cell, address, port, wave, position, phase, previous_version,"
            + " message, started_at, updated_at";

    private final Jdbi jdbi;
    private final Clock clock;

    StoredRollouts(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void create(String id, RolloutSpec spec, List<HostRecord> hosts) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO rollouts (rollout_id, environment, build_id, spec_json, status, message,"
                            + " created_at, updated_at) VALUES (:id, :env, :build, :spec, :status, '', :at, :at)")
                    .bind("id", id).bind("env", spec.environment()).bind("build", spec.buildId())
                    .bind("spec", EngineJson.write(spec)).bind("status", ExecutionStatus.RUNNING.name())
                    .bind("at", Sql.ts(now)).execute();
            PreparedBatch batch = h.prepareBatch("INSERT INTO rollout_hosts (rollout_id, " + HOST_COLUMNS + ") VALUES"
                    + " (:id, :host, :cell, :address, :port, :wave, :position, :phase, :previous, :message, :started, :at)");
            for (HostRecord r : hosts) {
                bindHost(batch.bind("id", id), r).add();
            }
            batch.execute();
        });
    }

    @Override
    public Optional<RolloutRecord> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM rollouts WHERE rollout_id = :id").bind("id", id)
                .map((rs, ctx) -> rollout(rs)).findOne());
    }

    @Override
    public List<RolloutRecord> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM rollouts ORDER BY created_at DESC, rollout_id DESC")
                .map((rs, ctx) -> rollout(rs)).list());
    }

    @Override
    public List<HostRecord> hosts(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + HOST_COLUMNS + " FROM rollout_hosts WHERE rollout_id = :id"
                        + " ORDER BY position").bind("id", id)
                .map((rs, ctx) -> host(rs)).list());
    }

    @Override
    public void update(String id, HostRecord r) {
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("UPDATE rollout_hosts SET phase = :phase, previous_version = :previous,"
                            + " message = :message, started_at = :started, updated_at = :at"
                            + " WHERE rollout_id = :id AND host = :host")
                    .bind("id", id).bind("host", r.host().name()).bind("phase", r.phase().name())
                    .bind("previous", r.previousVersion()).bind("message", r.message())
                    .bind("started", r.startedAt() == null ? null : Sql.ts(r.startedAt()))
                    .bind("at", Sql.ts(r.updatedAt())).execute();
            if (n != 1) throw new StoreException("rollout " + id + " has no host " + r.host().name());
            h.createUpdate("UPDATE rollouts SET updated_at = :at WHERE rollout_id = :id")
                    .bind("id", id).bind("at", Sql.ts(clock.instant())).execute();
        });
    }

    @Override
    public void setStatus(String id, ExecutionStatus status, String message) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE rollouts SET status = :status, message = :message, updated_at = :at"
                        + " WHERE rollout_id = :id")
                .bind("id", id).bind("status", status.name()).bind("message", message == null ? "" : message)
                .bind("at", Sql.ts(clock.instant())).execute());
    }

    @Override
    public void approveGate(String id, int afterWave) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE rollouts SET approved_gates = :n, updated_at = :at"
                        + " WHERE rollout_id = :id AND approved_gates < :n")
                .bind("id", id).bind("n", afterWave + 1).bind("at", Sql.ts(clock.instant())).execute());
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindHost(T s, HostRecord r) {
        return s.bind("host", r.host().name()).bind("cell", r.host().cell()).bind("address", r.host().address())
                .bind("port", r.host().port()).bind("wave", r.wave()).bind("position", r.position())
                .bind("phase", r.phase().name()).bind("previous", r.previousVersion()).bind("message", r.message())
                .bind("started", r.startedAt() == null ? null : Sql.ts(r.startedAt()))
                .bind("at", Sql.ts(r.updatedAt()));
    }

    private static RolloutRecord rollout(ResultSet rs) throws SQLException {
        return new RolloutRecord(rs.getString("rollout_id"), EngineJson.read(rs.getString("spec_json"), RolloutSpec.class),
                ExecutionStatus.valueOf(rs.getString("status")), rs.getString("message"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getInt("approved_gates"));
    }

    private static HostRecord host(ResultSet rs) throws SQLException {
        HostTarget target = new HostTarget(rs.getString("host"), rs.getString("cell"), rs.getString("address"),
                rs.getInt("port"));
        return new HostRecord(target, rs.getInt("wave"), rs.getInt("position"), HostPhase.valueOf(rs.getString("phase")),
                rs.getString("previous_version"), rs.getString("message"),
                rs.getObject("started_at") == null ? null : Sql.instant(rs, "started_at"), Sql.instant(rs, "updated_at"));
    }
}
