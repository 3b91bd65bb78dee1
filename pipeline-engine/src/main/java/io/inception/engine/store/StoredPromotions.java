package io.inception.engine.store;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** Promotions in the store; {@link #save} inserts or replaces one by id. */
public final class StoredPromotions {
    private static final String COLUMNS = "id, build_id, environment, status, requested_by, approved_by, previous_build,"
            + " snapshot, puppet_commit, rollback_of, message, requested_at, updated_at";
    private static final RowMapper<Promotion> MAPPER = (rs, ctx) -> new Promotion(rs.getString("id"),
            rs.getString("build_id"), rs.getString("environment"), PromotionStatus.valueOf(rs.getString("status")),
            rs.getString("requested_by"), rs.getString("approved_by"), rs.getString("previous_build"),
            rs.getString("snapshot"), rs.getString("puppet_commit"), rs.getString("rollback_of"),
            rs.getString("message"), Sql.instant(rs, "requested_at"), Sql.instant(rs, "updated_at"));

    private final Jdbi jdbi;

    StoredPromotions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Saves {@code running} (a RUNNING promotion) only when no other promotion deploys its environment,
     * in any process sharing this database (a cluster's nodes); the environment stays taken until a
     * save ends that promotion (SUCCEEDED, FAILED, REJECTED).
     *
     * @return false, saving nothing, when another promotion holds the environment
     */
    public boolean start(Promotion running) {
        if (running.status() != PromotionStatus.RUNNING) {
            throw new IllegalArgumentException("only a RUNNING promotion takes its environment, not " + running.status());
        }
        try {
            jdbi.useTransaction(h -> {
                h.createUpdate("INSERT INTO promotion_slots (environment, promotion_id, taken_at) VALUES (:env, :id, :at)")
                        .bind("env", running.environment()).bind("id", running.id())
                        .bind("at", Sql.ts(running.updatedAt())).execute();
                write(h, running);
            });
            return true;
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (holder(running.environment()).isEmpty()) throw e; // not a taken environment: a real failure
            return false;
        }
    }

    /** The promotion deploying {@code environment} now, by the environment's slot. */
    public Optional<String> holder(String environment) {
        return jdbi.withHandle(h -> h.createQuery("SELECT promotion_id FROM promotion_slots WHERE environment = :env")
                .bind("env", environment).mapTo(String.class).findOne());
    }

    public void save(Promotion p) {
        jdbi.useTransaction(h -> write(h, p));
    }

    private static void write(org.jdbi.v3.core.Handle h, Promotion p) {
        if (p.status().isComplete()) {
            h.createUpdate("DELETE FROM promotion_slots WHERE environment = :env AND promotion_id = :id")
                    .bind("env", p.environment()).bind("id", p.id()).execute();
        }
        h.createUpdate("DELETE FROM promotions WHERE id = :id").bind("id", p.id()).execute();
        h.createUpdate("INSERT INTO promotions (" + COLUMNS + ") VALUES (:id, :build, :env, :status, :requestedBy,"
                        + " :approvedBy, :previous, :snapshot, :puppet, :rollbackOf, :message, :requestedAt, :updatedAt)")
                .bind("id", p.id()).bind("build", p.buildId()).bind("env", p.environment())
                .bind("status", p.status().name()).bind("requestedBy", p.requestedBy())
                .bind("approvedBy", p.approvedBy()).bind("previous", p.previousBuild())
                .bind("snapshot", p.snapshot()).bind("puppet", p.puppetCommit()).bind("rollbackOf", p.rollbackOf())
                .bind("message", p.message()).bind("requestedAt", Sql.ts(p.requestedAt()))
                .bind("updatedAt", Sql.ts(p.updatedAt())).execute();
    }

    /**
     * Marks a RUNNING promotion as still worked on at {@code at} (the worker's heartbeat), changing nothing else;
     * false when it is not RUNNING (any more).
     */
    public boolean touch(String id, java.time.Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE promotions SET updated_at = :at WHERE id = :id AND status = :s")
                .bind("at", Sql.ts(at)).bind("id", id).bind("s", PromotionStatus.RUNNING.name()).execute()) == 1;
    }

    public Optional<Promotion> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM promotions WHERE id = :id")
                .bind("id", id).map(MAPPER).findOne());
    }

    /** The most recent promotions, newest first. */
    public List<Promotion> list(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM promotions ORDER BY requested_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit).map(MAPPER).list());
    }

    /** Every promotion of a build, oldest first. */
    public List<Promotion> ofBuild(String buildId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM promotions WHERE build_id = :build ORDER BY requested_at, id")
                .bind("build", buildId).map(MAPPER).list());
    }

    /** Every promotion to an environment, newest first. */
    public List<Promotion> toEnvironment(String environment) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM promotions WHERE environment = :env ORDER BY requested_at DESC, id DESC")
                .bind("env", environment).map(MAPPER).list());
    }
}
