package io.inception.engine.store;

import java.time.Instant;

/**
 * One lab as the store keeps it (the lab module owns the meaning of {@code json}).
 *
 * @param id         the lab id
 * @param owner      who asked for it
 * @param state      its state name (CREATING, READY, ...)
 * @param generation the operation on it that may write it now; see {@link StoredLabs#advance}
 * @param json       the lab record
 * @param createdAt  when it was first stored
 * @param updatedAt  when it was last written
 */
public record StoredLab(String id, String owner, String state, long generation, String json, Instant createdAt,
                        Instant updatedAt) {
    /** The same lab with new content (owner, state, record); its generation and creation unchanged. */
    public StoredLab with(String newOwner, String newState, String newJson) {
        return new StoredLab(id, newOwner, newState, generation, newJson, createdAt, updatedAt);
    }
}
