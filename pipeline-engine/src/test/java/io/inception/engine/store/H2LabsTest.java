package io.inception.engine.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** {@link LabsContractTest} on the embedded H2 file database. */
class H2LabsTest extends LabsContractTest {
    @TempDir
    Path home;

    @Override
    protected String freshDatabaseUrl() {
        return Store.defaultUrl(home);
    }
}
