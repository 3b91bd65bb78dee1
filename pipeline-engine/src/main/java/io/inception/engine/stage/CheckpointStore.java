package io.inception.engine.stage;

import java.util.Map;
import java.util.Optional;

/**
 * Durable key/value state of one stage in one run. Every {@link #put} is committed to the store
 * before it returns, so a stage that checkpoints before and after each side effect can be resumed
 * after {@code kill -9} without repeating work.
 */
public interface CheckpointStore {
    Optional<String> get(String key);

    void put(String key, String value);

    void remove(String key);

    Map<String, String> all();
}
