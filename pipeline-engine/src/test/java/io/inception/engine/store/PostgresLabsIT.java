package io.inception.engine.store;

/** {@link LabsContractTest} on a real PostgreSQL (see {@link LocalPostgres}). */
class PostgresLabsIT extends LabsContractTest {
    @Override
    protected String freshDatabaseUrl() {
        return LocalPostgres.shared().newDatabase("labs");
    }
}
