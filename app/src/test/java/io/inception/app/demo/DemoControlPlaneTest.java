package io.inception.app.demo;

import io.inception.engine.store.EnvironmentResource;
import io.inception.engine.store.Store;
import io.inception.inova.provision.ProvisionedServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoControlPlaneTest {
    @Test
    void provisionsTheApiCellAndTwoComputeCellsOnTheSandboxAndPrintsThem() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Store store = Store.open("jdbc:h2:mem:demo-control-plane;DB_CLOSE_DELAY=-1");
             PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            List<ProvisionedServer> servers = DemoControlPlane.run(Path.of("../environments/environments/local.yaml"),
                    store.environmentResources(), Clock.systemUTC(), out);

            assertThat(servers).extracting(ProvisionedServer::cell).containsOnly("api", "local-c1", "local-c2");
            assertThat(servers).filteredOn(s -> s.cell().equals("local-c2")).extracting(ProvisionedServer::role)
                    .containsExactlyInAnyOrder("scheduler", "cell-db", "cell-mq");
            assertThat(servers).allMatch(s -> s.status().equals("ACTIVE") && !s.address().isEmpty());
            assertThat(store.environmentResources().list("local", "server")).extracting(EnvironmentResource::name)
                    .containsExactlyInAnyOrderElementsOf(servers.stream().map(ProvisionedServer::name).toList());
            assertThat(store.environmentResources().list("local", "cell")).extracting(EnvironmentResource::name)
                    .containsExactly("local-c2");
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("local-api-nova-api-2").contains("local-local-c2-cell-db-1");
    }
}
