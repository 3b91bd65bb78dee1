package io.inception.engine.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.concurrent.atomic.AtomicInteger;

/** The store contract on a real PostgreSQL started by the test (see {@link LocalPostgres}). */
class PostgresStoreIT extends StoreContractTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static LocalPostgres postgres;
    private String url;

    @BeforeAll
    static void startPostgres() {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) postgres.close();
    }

    @Override
    protected String freshDatabaseUrl() {
        url = postgres.createDatabase("store_" + DATABASES.incrementAndGet());
        return url;
    }

    @Override
    protected String reopenableUrl() {
        return url;
    }
}
