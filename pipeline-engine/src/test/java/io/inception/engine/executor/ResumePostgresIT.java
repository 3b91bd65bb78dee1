package io.inception.engine.executor;

import io.inception.engine.store.LocalPostgres;

/** {@link ResumeTest} on a real PostgreSQL started by the test. */
class ResumePostgresIT extends ResumeTest {
    @Override
    String storeUrl() {
        return LocalPostgres.shared().newDatabase("resume");
    }
}
