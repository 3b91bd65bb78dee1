package io.inception.sandbox.inova;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Ids come from the spec's seed: the same calls on two clouds of one seed make the same ids. */
class SeededIdsTest {
    String bootOne(long seed) throws Exception {
        try (InovaSimulator sim = InovaSimulator.start(InovaSpec.defaults().withSeed(seed)
                .withBootDelay(Duration.ZERO))) {
            InovaHttp http = new InovaHttp(sim).login();
            String image = http.get("/image/v2/images").body().at("/images/0/id").asText();
            http.compute("GET", "/flavors", null, "2.60");
            return image + " " + http.compute("POST", "/servers", "{\"server\": {\"name\": \"a\", \"flavorRef\": \"1\","
                    + " \"imageRef\": \"" + image + "\", \"networks\": \"none\"}}", "2.60").body().at("/server/id").asText();
        }
    }

    @Test
    void sameSeedSameIds() throws Exception {
        assertThat(bootOne(7)).isEqualTo(bootOne(7)).isNotEqualTo(bootOne(8));
    }
}
