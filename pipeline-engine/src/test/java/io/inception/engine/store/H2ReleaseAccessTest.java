package io.inception.engine.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** {@link ReleaseAccessContractTest} on the embedded H2 file database. */
class H2ReleaseAccessTest extends ReleaseAccessContractTest {
    @TempDir
    Path home;

    @Override
    protected String freshDatabaseUrl() {
        return Store.defaultUrl(home);
    }
}
