package io.inception.xen.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.inception.engine.store.StoredLab;
import io.inception.engine.store.StoredLabs;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Labs in the engine's database ({@code labs}, migration V11): H2 for one node, PostgreSQL for a cluster. */
public final class DbLabStore implements LabStore {
    private final StoredLabs rows;

    public DbLabStore(StoredLabs rows) {
        this.rows = rows;
    }

    @Override
    public void save(Lab lab) {
        rows.put(lab.id(), lab.owner(), lab.state().name(), json(lab));
    }

    @Override
    public Optional<Lab> find(String id) {
        return rows.find(id).map(DbLabStore::lab);
    }

    @Override
    public List<Lab> all() {
        return rows.all().stream().map(DbLabStore::lab).toList();
    }

    @Override
    public long begin(String id) {
        return rows.advance(id).orElseThrow(() -> new IllegalArgumentException("no lab " + id));
    }

    @Override
    public long generation(String id) {
        return rows.find(id).map(StoredLab::generation).orElseThrow(() -> new IllegalArgumentException("no lab " + id));
    }

    @Override
    public Optional<Lab> update(String id, long generation, UnaryOperator<Lab> change) {
        return rows.update(id, generation, row -> {
            Lab changed = change.apply(lab(row));
            return row.with(changed.owner(), changed.state().name(), json(changed));
        }).map(DbLabStore::lab);
    }

    private static String json(Lab lab) {
        try {
            return JsonFileLabStore.JSON.writeValueAsString(lab);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write lab " + lab.id() + " as JSON", e);
        }
    }

    private static Lab lab(StoredLab row) {
        try {
            return JsonFileLabStore.JSON.readValue(row.json(), Lab.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored lab " + row.id() + " is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
