package io.inception.engine.executor;

import io.inception.engine.store.LocalPostgres;

/** {@link RunLockTest} on a real PostgreSQL started by the test. */
class RunLockPostgresIT extends RunLockTest {
    @Override
    String storeUrl() {
        return LocalPostgres.shared().newDatabase("runlock");
    }
}
