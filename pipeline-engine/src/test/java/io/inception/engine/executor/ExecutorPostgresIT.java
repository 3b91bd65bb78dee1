package io.inception.engine.executor;

import io.inception.engine.store.LocalPostgres;

/** {@link ExecutorTest} on a real PostgreSQL started by the test. */
class ExecutorPostgresIT extends ExecutorTest {
    @Override
    String storeUrl() {
        return LocalPostgres.shared().newDatabase("executor");
    }
}
