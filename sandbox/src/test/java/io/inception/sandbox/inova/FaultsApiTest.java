package io.inception.sandbox.inova;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code /sandbox/faults} admin path injects what the Java API does, and wants a token. */
class FaultsApiTest {
    final InovaSimulator sim = InovaSimulator.start(InovaSpec.defaults().withBootDelay(Duration.ZERO)
            .withComputeHosts(List.of("h1")));

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void faultsOverHttp() throws Exception {
        InovaHttp http = new InovaHttp(sim);
        assertThat(http.send("POST", "/sandbox/faults/fail-boots", "{\"name_regex\": \"^x\"}", null).status())
                .isEqualTo(401);
        http.login();
        String image = http.get("/image/v2/images").body().at("/images/0/id").asText();
        String boot = "{\"server\": {\"name\": \"NAME\", \"flavorRef\": \"1\", \"imageRef\": \"" + image
                + "\", \"networks\": \"none\"}}";

        assertThat(http.send("POST", "/sandbox/faults/fail-boots",
                "{\"name_regex\": \"^db-\", \"count\": 1, \"message\": \"disk full\"}", null).status()).isEqualTo(204);
        http.compute("POST", "/servers", boot.replace("NAME", "db-1"), "2.60");
        http.compute("POST", "/servers", boot.replace("NAME", "api-1"), "2.60");
        assertThat(sim.servers()).extracting(InovaSimulator.ServerInfo::name, InovaSimulator.ServerInfo::status,
                InovaSimulator.ServerInfo::faultMessage).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("db-1", "ERROR", "disk full"),
                org.assertj.core.groups.Tuple.tuple("api-1", "ACTIVE", null));

        assertThat(http.send("POST", "/sandbox/faults/kill", "{\"server\": \"api-1\", \"to\": \"shutoff\"}", null)
                .status()).isEqualTo(204);
        assertThat(sim.servers()).filteredOn(s -> s.name().equals("api-1")).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo("SHUTOFF"));
        assertThat(http.send("POST", "/sandbox/faults/kill", "{\"server\": \"nope\"}", null).status()).isEqualTo(404);

        http.send("PUT", "/sandbox/faults/quota", "{\"instances\": 2, \"cores\": 10, \"ram\": 10000}", null);
        assertThat(http.compute("POST", "/servers", boot.replace("NAME", "c"), "2.60").status()).isEqualTo(403);
        http.send("DELETE", "/sandbox/faults/quota", null, null);
        http.send("PUT", "/sandbox/faults/compute-hosts/h1", "{\"down\": true}", null);
        assertThat(sim.services()).filteredOn(s -> s.host().equals("h1")).singleElement()
                .satisfies(s -> assertThat(s.up()).isFalse());
        assertThat(http.compute("POST", "/servers", boot.replace("NAME", "c"), "2.60").status()).isEqualTo(202);
        assertThat(sim.servers()).filteredOn(s -> s.name().equals("c")).singleElement()
                .satisfies(s -> assertThat(s.faultMessage()).startsWith("No valid host was found."));
    }
}
