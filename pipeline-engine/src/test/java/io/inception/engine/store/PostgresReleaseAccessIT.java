package io.inception.engine.store;

/** {@link ReleaseAccessContractTest} on a real PostgreSQL (see {@link LocalPostgres}). */
class PostgresReleaseAccessIT extends ReleaseAccessContractTest {
    @Override
    protected String freshDatabaseUrl() {
        return LocalPostgres.shared().newDatabase("release");
    }
}
