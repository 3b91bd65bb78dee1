package io.inception.engine.store;

/** The store contract on a real PostgreSQL started by the test (see {@link LocalPostgres}). */
class PostgresStoreIT extends StoreContractTest {
    private String url;

    @Override
    protected String freshDatabaseUrl() {
        url = LocalPostgres.shared().newDatabase("store");
        return url;
    }

    @Override
    protected String reopenableUrl() {
        return url;
    }
}
