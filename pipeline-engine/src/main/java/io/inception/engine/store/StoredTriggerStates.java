package io.inception.engine.store;

import io.inception.engine.scheduler.TriggerState;
import io.inception.engine.scheduler.TriggerStateStore;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.Optional;

/** The scheduler's trigger memory in the store, so a restarted server does not fire twice. */
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
}
