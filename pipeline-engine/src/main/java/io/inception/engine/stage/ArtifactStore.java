package io.inception.engine.stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Files a stage produces (reports, packages, logs), kept under the run's folder. */
public interface ArtifactStore {
    /** The folder where this stage may write its artifacts; created on demand. */
    Path directory() throws IOException;

    /** Copies {@code file} into the store under {@code name} and returns its stored path. */
    Path put(String name, Path file) throws IOException;

    /** The stored artifacts of this stage. */
    List<Path> list() throws IOException;
}
