package io.inception.sandbox.inova;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two users in two projects: each sees only its own servers and has its own quota. */
class ProjectsTest {
    @Test
    void projectsAreSeparate() throws Exception {
        InovaSpec spec = InovaSpec.defaults().withBootDelay(Duration.ZERO)
                .withUsers(List.of(new InovaSpec.User("qe", "pw-qe", "qe", "Default"),
                        new InovaSpec.User("staging", "pw-st", "staging", "Default")))
                .withQuota(new InovaSpec.Quota(1, 10, 100_000));
        try (InovaSimulator sim = InovaSimulator.start(spec)) {
            InovaHttp qe = new InovaHttp(sim).login();
            InovaHttp staging = new InovaHttp(sim);
            staging.token = staging.send("POST", "/identity/v3/auth/tokens", staging.authBody("staging", "pw-st")
                    .replace("\"name\": \"qe\", \"domain\"", "\"name\": \"staging\", \"domain\""), null)
                    .header("X-Subject-Token");
            assertThat(staging.token).isNotNull();
            String image = qe.get("/image/v2/images").body().at("/images/0/id").asText();
            String body = "{\"server\": {\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": \"" + image
                    + "\", \"networks\": \"none\"}}";

            assertThat(qe.compute("POST", "/servers", body, "2.60").status()).isEqualTo(202);
            assertThat(staging.compute("POST", "/servers", body, "2.60").status()).as("own quota").isEqualTo(202);
            assertThat(qe.compute("POST", "/servers", body, "2.60").status()).isEqualTo(403);

            String qeServer = qe.compute("GET", "/servers", null, "2.60").body().at("/servers/0/id").asText();
            assertThat(staging.compute("GET", "/servers", null, "2.60").body().get("servers")).hasSize(1)
                    .noneMatch(s -> s.get("id").asText().equals(qeServer));
            assertThat(sim.servers()).hasSize(2);
            assertThat(sim.username()).isEqualTo("qe");
        }
    }
}
