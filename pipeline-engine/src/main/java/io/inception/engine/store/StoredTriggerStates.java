package io.inception.engine.store;

import io.inception.engine.scheduler.TriggerState;
import io.inception.engine.scheduler.TriggerStateStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The scheduler's trigger memory in the store, so a restarted server does not fire twice — and, with
 * {@link #locked}, so that the nodes of a cluster sharing the database fire one trigger event once.
 */
public final class StoredTriggerStates implements TriggerStateStore {
    private final Jdbi jdbi;
    private final Clock clock;

    StoredTriggerStates(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Optional<TriggerState> load(String triggerName) {
        return jdbi.withHandle(h -> h.createQuery("SELECT state_json FROM trigger_state WHERE trigger_name = :name")
                .bind("name", triggerName).mapTo(String.class).findOne())
                .map(json -> EngineJson.read(json, TriggerState.class));
    }

    @Override
    public void save(String triggerName, TriggerState state) {
        String json = EngineJson.write(state);
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE trigger_state SET state_json = :json, updated_at = :at"
                            + " WHERE trigger_name = :name")
                    .bind("json", json).bind("at", Sql.ts(clock.instant())).bind("name", triggerName).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO trigger_state (trigger_name, state_json, updated_at)"
                                + " VALUES (:name, :json, :at)")
                        .bind("json", json).bind("at", Sql.ts(clock.instant())).bind("name", triggerName).execute();
            }
        });
    }

    /**
     * The step runs inside a transaction holding the trigger's row ({@code SELECT ... FOR UPDATE}), on a
     * handle of its own: {@code jdbi.inTransaction} would make it this thread's handle, and what the step
     * writes through the store (the run a fire starts) would join the transaction, invisible to the
     * executor's other threads until the step returned.
     */
    @Override
    public TriggerState locked(String triggerName, UnaryOperator<TriggerState> step) {
        ensureRow(triggerName);
        try (Handle handle = jdbi.open()) {
            return handle.inTransaction(h -> {
                TriggerState before = EngineJson.read(h.createQuery("SELECT state_json FROM trigger_state"
                        + " WHERE trigger_name = :name FOR UPDATE").bind("name", triggerName).mapTo(String.class).one(),
                        TriggerState.class);
                TriggerState after = step.apply(before);
                if (!after.equals(before)) {
                    h.createUpdate("UPDATE trigger_state SET state_json = :json, updated_at = :at WHERE trigger_name = :name")
                            .bind("json", EngineJson.write(after)).bind("at", Sql.ts(clock.instant()))
                            .bind("name", triggerName).execute();
                }
                return after;
            });
        }
    }

    /** A row to lock: a trigger never seen gets an empty one (two nodes inserting it at once: one wins). */
    private void ensureRow(String triggerName) {
        if (load(triggerName).isPresent()) return;
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO trigger_state (trigger_name, state_json, updated_at)"
                            + " VALUES (:name, :json, :at)").bind("name", triggerName)
                    .bind("json", EngineJson.write(TriggerState.EMPTY)).bind("at", Sql.ts(clock.instant())).execute());
        } catch (RuntimeException e) {
            if (load(triggerName).isEmpty()) throw e; // not the other node's insert: a real failure
        }
    }
}
