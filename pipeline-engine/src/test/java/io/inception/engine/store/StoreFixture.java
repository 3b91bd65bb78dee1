package io.inception.engine.store;

import io.inception.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Instant;

/**
 * A fresh store for each test of a contract that every database must pass (H2 and PostgreSQL subclasses
 * say where), on a hand-moved clock starting at the contract's {@code T0}.
 */
public abstract class StoreFixture {
    protected final ManualClock clock;
    protected Store store;

    protected StoreFixture(Instant start) {
        this.clock = new ManualClock(start);
    }

    /** A fresh, empty database URL for one test. */
    protected abstract String freshDatabaseUrl() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = Store.open(freshDatabaseUrl(), null, null, clock);
    }

    @AfterEach
    void closeStore() {
        if (store != null) store.close();
    }
}
