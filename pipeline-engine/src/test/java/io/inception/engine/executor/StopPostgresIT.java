package io.inception.engine.executor;

import io.inception.engine.store.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.concurrent.atomic.AtomicInteger;

/** {@link StopTest} on a real PostgreSQL started by the test. */
class StopPostgresIT extends StopTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static LocalPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) postgres.close();
    }

    @Override
    String storeUrl() {
        return postgres.createDatabase("stop_" + DATABASES.incrementAndGet());
    }
}
