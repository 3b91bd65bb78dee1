package io.inception.engine.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One file a stage stored, as indexed in the store (the bytes stay on disk).
 *
 * @param runId     the run
 * @param stage     the stage name
 * @param name      the name the stage gave it
 * @param path      where it is stored
 * @param sizeBytes its size
 * @param sha256    hex SHA-256 of its content
 * @param createdAt when it was stored
 */
public record ArtifactEntry(String runId, String stage, String name, Path path, long sizeBytes, String sha256,
                            Instant createdAt) {
}
