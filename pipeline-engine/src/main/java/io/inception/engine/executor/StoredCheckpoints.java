package io.inception.engine.executor;

import io.inception.engine.stage.CheckpointStore;
import io.inception.engine.store.Store;

import java.util.Map;
import java.util.Optional;

/** The checkpoints of one stage in one run, each put committed before it returns. */
final class StoredCheckpoints implements CheckpointStore {
    private final Store store;
    private final String runId;
    private final String stage;

    StoredCheckpoints(Store store, String runId, String stage) {
        this.store = store;
        this.runId = runId;
        this.stage = stage;
    }

    @Override
    public Optional<String> get(String key) {
        return store.checkpoints().get(runId, stage, key);
    }

    @Override
    public void put(String key, String value) {
        store.checkpoints().put(runId, stage, key, value);
    }

    @Override
    public void remove(String key) {
        store.checkpoints().remove(runId, stage, key);
    }

    @Override
    public Map<String, String> all() {
        return store.checkpoints().all(runId, stage);
    }
}
