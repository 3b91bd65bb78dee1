package io.inception.engine.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store contract on the embedded H2 file database, the default. */
class H2StoreTest extends StoreContractTest {
    @TempDir
    Path home;

    @Override
    protected String freshDatabaseUrl() {
        return Store.defaultUrl(home);
    }

    @Override
    protected String reopenableUrl() {
        return Store.defaultUrl(home);
    }

    @Test
    void theDefaultDatabaseIsAFileUnderTheHome() {
        assertThat(Files.exists(home.resolve("db").resolve("inception.mv.db"))).isTrue();
        assertThat(store.url()).startsWith("jdbc:h2:async:" + home.toAbsolutePath());
    }

    @Test
    void anUnsupportedUrlIsRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> Store.open("jdbc:mysql://db/x?password=hunter2"))
                .hasMessageContaining("unsupported store URL")
                .hasMessageNotContaining("hunter2");
    }
}
