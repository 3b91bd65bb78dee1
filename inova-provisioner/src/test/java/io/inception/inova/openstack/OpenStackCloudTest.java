package io.inception.inova.openstack;

import io.inception.engine.merge.Secret;
import io.inception.inova.cloud.CloudException;
import io.inception.sandbox.inova.InovaSimulator;
import io.inception.sandbox.inova.InovaSpec;
import io.inception.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The openstack4j client against the sandbox iNova: login, token reuse and renewal, microversion. */
class OpenStackCloudTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T05:00:00Z"));

    private static KeystoneLogin login(InovaSimulator sim, String password) {
        return new KeystoneLogin(sim.authUrl(), sim.username(), new Secret(password), sim.project(), sim.domain());
    }

    @Test
    void oneTokenServesManyCallsAndIsRenewedBeforeItExpires() {
        try (InovaSimulator sim = InovaSimulator.start(InovaSpec.defaults().withClock(clock)
                .withTokenLifetime(Duration.ofMinutes(30)));
             OpenStackCloud cloud = OpenStackCloud.connect(login(sim, sim.password()), clock)) {
            assertThat(cloud.microversion()).isEqualTo("2.60");
            cloud.flavorNames();
            cloud.servers("");
            cloud.computeServices();
            assertThat(cloud.logins()).isEqualTo(1);

            clock.advance(Duration.ofMinutes(26)); // 4 minutes left: less than the renewal margin
            assertThat(cloud.flavorNames()).contains("m1.small");
            assertThat(cloud.logins()).isEqualTo(2);
            cloud.servers("");
            assertThat(cloud.logins()).isEqualTo(2);
        }
    }

    @Test
    void aRefusedLoginSaysWhoAndWhereButNeverThePassword() {
        try (InovaSimulator sim = InovaSimulator.start(InovaSpec.defaults().withClock(clock))) {
            assertThatThrownBy(() -> OpenStackCloud.connect(login(sim, "wrong-secret-pw"), clock))
                    .isInstanceOf(CloudException.class)
                    .hasMessageContaining("iNova refused the login of user '" + sim.username() + "'")
                    .hasMessageContaining("HTTP 401")
                    .hasMessageNotContaining("wrong-secret-pw");
            assertThat(login(sim, "wrong-secret-pw").toString()).doesNotContain("wrong-secret-pw");
        }
    }

    @Test
    void microversionsAreNegotiatedWithinNovasRange() {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(Microversion.negotiate(json.createObjectNode().set("version", json.createObjectNode()
                .put("version", "2.93").put("min_version", "2.1")))).isEqualTo("2.60");
        assertThat(Microversion.negotiate(json.createObjectNode().set("version", json.createObjectNode()
                .put("version", "2.55").put("min_version", "2.1")))).isEqualTo("2.55");
        assertThatThrownBy(() -> Microversion.negotiate(json.createObjectNode().set("version", json.createObjectNode()
                .put("version", "2.36").put("min_version", "2.1"))))
                .hasMessage("iNova Compute supports microversions 2.1 to 2.36; Inception needs 2.53 or later (services by id, networks \"none\")");
    }
}
