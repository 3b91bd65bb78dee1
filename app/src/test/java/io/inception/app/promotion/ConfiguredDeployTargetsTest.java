package io.inception.app.promotion;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.store.Store;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.inova.provision.ProvisionedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real environment's deploy targets: the file, the stored control plane and the promotion section. */
class ConfiguredDeployTargetsTest {
    @TempDir
    Path dir;

    static final String STAGING = """
            name: staging
            cells:
              - name: stg-c1
                hosts: ["stg-c1-[01:02]"]
            credentials:
              ssh-key: {file: keys/id_ed25519}
              smoke-password: {env: STG_SMOKE}
            rollout: {port: 2222}
            """;

    ConfiguredDeployTargets targets(String yaml, ControlPlaneRecords records) throws Exception {
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/id_ed25519"), "not a real key");
        EnvironmentFile file = EnvironmentFile.parse(yaml, "environments/staging.yaml").orElseThrow();
        return new ConfiguredDeployTargets(n -> n.equals("staging") ? Optional.of(file) : Optional.empty(), records,
                dir.resolve("known_hosts"), dir, Map.of("STG_SMOKE", "s3cret-smoke")::get);
    }

    @Test
    void theTargetsComeFromTheFileTheStoredControlPlaneAndThePromotionSection() throws Exception {
        try (Store store = Store.openDefault(dir.resolve("home"))) {
            ControlPlaneRecords records = new ControlPlaneRecords(store.environmentResources());
            records.servers("staging", List.of(new ProvisionedServer("staging-api-keystone-1", "id-1", "api", "keystone",
                    "10.9.0.5", "b-1", "ACTIVE")));
            DeployTargets.Target t = targets(STAGING + """
                    promotion:
                      apt-url: http://repo.example:8480/apt
                      smoke-cloud: {auth-url: "http://k:5000/v3", username: smoke, password: smoke-password, project: p}
                    """, records).forEnvironment("staging");

            assertThat(t.controlVms()).containsExactly(new HostTarget("staging-api-keystone-1", "api", "10.9.0.5", 2222));
            assertThat(t.computeHosts()).extracting(HostTarget::name).containsExactly("stg-c1-01", "stg-c1-02");
            assertThat(t.aptSource()).isEqualTo("deb [signed-by=/etc/apt/keyrings/inception.asc] http://repo.example:8480/apt/"
                    + " staging main");
            assertThat(t.cloud().identityV3().toString()).isEqualTo("http://k:5000/v3");
            assertThat(t.cloud().password().reveal()).isEqualTo("s3cret-smoke");
            assertThat(t.cloud().toString()).doesNotContain("s3cret-smoke");
            assertThat(t.ssh().knownHosts()).isEqualTo(dir.resolve("known_hosts/staging"));
        }
    }

    @Test
    void whatIsMissingIsSaid() throws Exception {
        try (Store store = Store.openDefault(dir.resolve("home"))) {
            ControlPlaneRecords records = new ControlPlaneRecords(store.environmentResources());
            assertThatThrownBy(() -> targets(STAGING, records).forEnvironment("staging"))
                    .hasMessage("environments/staging.yaml has no promotion.apt-url: where do its hosts reach Inception's"
                            + " apt repository?");
            assertThatThrownBy(() -> targets(STAGING + "promotion: {apt-url: \"http://r/apt\"}\n", records)
                    .forEnvironment("staging"))
                    .hasMessage("environments/staging.yaml has no promotion.smoke-cloud: where does its smoke suite log in?");
            assertThatThrownBy(() -> targets(STAGING + """
                    promotion:
                      apt-url: http://r/apt
                      smoke-cloud: {auth-url: "http://k:5000/v3", username: smoke, password: nope, project: p}
                    """, records).forEnvironment("staging"))
                    .hasMessage("environments/staging.yaml: promotion.smoke-cloud.password names credential 'nope', which"
                            + " is not under credentials:");
            assertThatThrownBy(() -> targets(STAGING, records).forEnvironment("prod"))
                    .hasMessage("there is no environment file for prod");
        }
    }
}
