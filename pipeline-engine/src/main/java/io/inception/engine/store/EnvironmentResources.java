package io.inception.engine.store;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The resources of every environment and their change record; every call is one transaction. */
public final class EnvironmentResources {
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() { };

    private final Jdbi jdbi;
    private final Clock clock;

    EnvironmentResources(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Replaces every resource of {@code kind} of {@code environment} by {@code resources}. */
    public void replace(String environment, String kind, List<EnvironmentResource> resources) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM environment_resources WHERE environment = :env AND kind = :kind")
                    .bind("env", environment).bind("kind", kind).execute();
            for (EnvironmentResource r : resources) {
                if (!r.environment().equals(environment) || !r.kind().equals(kind)) {
                    throw new IllegalArgumentException("resource " + r.name() + " is not a " + kind + " of " + environment);
                }
                insert(h, r, now);
            }
        });
    }

    /** Writes one resource, replacing the one of the same environment, kind and name. */
    public void put(EnvironmentResource r) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            remove(h, r.environment(), r.kind(), r.name());
            insert(h, r, now);
        });
    }

    /** Removes one resource; a missing one is fine. */
    public void remove(String environment, String kind, String name) {
        jdbi.useHandle(h -> remove(h, environment, kind, name));
    }

    /** Every resource of {@code environment}, by kind then name. */
    public List<EnvironmentResource> list(String environment) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM environment_resources WHERE environment = :env"
                        + " ORDER BY kind, name").bind("env", environment).map((rs, ctx) -> resource(rs)).list());
    }

    /** The resources of one kind of {@code environment}, by name. */
    public List<EnvironmentResource> list(String environment, String kind) {
        return list(environment).stream().filter(r -> r.kind().equals(kind)).toList();
    }

    /** Records a change. */
    public void record(String environment, String kind, String message) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO environment_events (environment, kind, message, at)"
                        + " VALUES (:env, :kind, :message, :at)")
                .bind("env", environment).bind("kind", kind).bind("message", message)
                .bind("at", Sql.ts(clock.instant())).execute());
    }

    /** The recorded changes of {@code environment}, oldest first. */
    public List<EnvironmentEvent> events(String environment) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM environment_events WHERE environment = :env"
                        + " ORDER BY event_id").bind("env", environment)
                .map((rs, ctx) -> new EnvironmentEvent(rs.getLong("event_id"), rs.getString("environment"),
                        rs.getString("kind"), rs.getString("message"), Sql.instant(rs, "at"))).list());
    }

    private static void remove(Handle h, String environment, String kind, String name) {
        h.createUpdate("DELETE FROM environment_resources WHERE environment = :env AND kind = :kind AND name = :name")
                .bind("env", environment).bind("kind", kind).bind("name", name).execute();
    }

    private static void insert(Handle h, EnvironmentResource r, Instant now) {
        h.createUpdate("INSERT INTO environment_resources (environment, kind, name, role, cell, address,"
                        + " attributes_json, updated_at) VALUES (:env, :kind, :name, :role, :cell, :address, :attrs, :at)")
                .bind("env", r.environment()).bind("kind", r.kind()).bind("name", r.name()).bind("role", r.role())
                .bind("cell", r.cell()).bind("address", r.address())
                .bind("attrs", EngineJson.write(r.attributes())).bind("at", Sql.ts(now)).execute();
    }

    private static EnvironmentResource resource(ResultSet rs) throws SQLException {
        Map<String, String> attrs;
        try {
            attrs = EngineJson.mapper().readValue(rs.getString("attributes_json"), ATTRIBUTES);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException("bad attributes of resource " + rs.getString("name") + ": " + e.getMessage(), e);
        }
        return new EnvironmentResource(rs.getString("environment"), rs.getString("kind"), rs.getString("name"),
                rs.getString("role"), rs.getString("cell"), rs.getString("address"), attrs, Sql.instant(rs, "updated_at"));
    }
}
