package io.inception.engine.executor;

import io.inception.engine.store.LocalPostgres;

/** {@link StopTest} on a real PostgreSQL started by the test. */
class StopPostgresIT extends StopTest {
    @Override
    String storeUrl() {
        return LocalPostgres.shared().newDatabase("stop");
    }
}
