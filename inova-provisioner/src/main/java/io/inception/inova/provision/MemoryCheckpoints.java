package io.inception.inova.provision;

import io.inception.engine.stage.CheckpointStore;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Checkpoints held in memory: for a command that provisions in one process (not resumable after a crash). */
public final class MemoryCheckpoints implements CheckpointStore {
    private final Map<String, String> values = new TreeMap<>();

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public synchronized void put(String key, String value) {
        values.put(key, value);
    }

    @Override
    public synchronized void remove(String key) {
        values.remove(key);
    }

    @Override
    public synchronized Map<String, String> all() {
        return Map.copyOf(values);
    }
}
