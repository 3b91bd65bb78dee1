package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.JsonNode;
import io.inception.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keystone v3 as clients see it: version documents, tokens, expiry, catalogue, 401 bodies. */
class IdentityProtocolTest {
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T05:00:00Z"));
    final InovaSimulator sim = InovaSimulator.start(InovaSpec.defaults().withClock(clock)
            .withTokenLifetime(Duration.ofMinutes(30)).withRegion("iad3"));
    final InovaHttp http = new InovaHttp(sim);

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void passwordAuthIssuesAProjectScopedTokenWithExpiryAndTheCatalogue() throws Exception {
        InovaHttp.Answer a = http.send("POST", "/identity/v3/auth/tokens", http.authBody(sim.username(),
                sim.password()), null);

        assertThat(a.status()).isEqualTo(201);
        assertThat(a.header("X-Subject-Token")).startsWith("gAAAAA").hasSizeGreaterThan(100);
        JsonNode token = a.body().get("token");
        assertThat(token.get("methods").get(0).asText()).isEqualTo("password");
        assertThat(token.at("/user/name").asText()).isEqualTo("inception");
        assertThat(token.at("/project/name").asText()).isEqualTo("inception");
        assertThat(token.at("/project/domain/id").asText()).isEqualTo("default");
        assertThat(token.get("issued_at").asText()).isEqualTo("2026-11-27T05:00:00.000000Z");
        assertThat(token.get("expires_at").asText()).isEqualTo("2026-11-27T05:30:00.000000Z");
        assertThat(token.get("roles").findValuesAsText("name")).contains("admin", "member", "reader");

        List<String> endpoints = new ArrayList<>();
        for (JsonNode service : token.get("catalog")) {
            for (JsonNode e : service.get("endpoints")) {
                endpoints.add(service.get("type").asText() + " " + e.get("interface").asText() + " "
                        + e.get("region").asText() + " " + e.get("url").asText());
            }
        }
        assertThat(endpoints).contains("identity public iad3 " + sim.baseUrl() + "/identity",
                "compute internal iad3 " + sim.computeUrl(), "image admin iad3 " + sim.imageUrl()).hasSize(9);
        assertThat(sim.authUrl()).isEqualTo(sim.baseUrl() + "/identity/v3");
    }

    @Test
    void aWrongPasswordOrAnUnknownProjectIsKeystones401() throws Exception {
        InovaHttp.Answer wrong = http.send("POST", "/identity/v3/auth/tokens", http.authBody(sim.username(),
                "not-it"), null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().get("error").toString()).isEqualTo(
                "{\"code\":401,\"title\":\"Unauthorized\",\"message\":\"The request you have made requires authentication.\"}");
        assertThat(wrong.header("X-Subject-Token")).isNull();

        String otherProject = http.authBody(sim.username(), sim.password()).replace("\"name\": \"inception\", \"domain\"",
                "\"name\": \"elsewhere\", \"domain\"");
        assertThat(http.send("POST", "/identity/v3/auth/tokens", otherProject, null).status()).isEqualTo(401);

        String noDomain = """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "inception",
                 "password": "x"}}}}}""";
        InovaHttp.Answer bad = http.send("POST", "/identity/v3/auth/tokens", noDomain, null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().at("/error/message").asText()).startsWith("Expecting to find domain in user.");
    }

    @Test
    void aTokenValidatesUntilItExpiresThenEveryServiceAnswers401() throws Exception {
        http.login();
        String subject = http.token;
        InovaHttp.Answer ok = http.send("GET", "/identity/v3/auth/tokens", null, null, "X-Subject-Token", subject);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().at("/token/user/name").asText()).isEqualTo("inception");
        assertThat(http.send("HEAD", "/identity/v3/auth/tokens", null, null, "X-Subject-Token", subject).status())
                .isEqualTo(200);
        assertThat(http.compute("GET", "/flavors", null, "2.60").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(30));

        InovaHttp.Answer expired = http.compute("GET", "/flavors", null, "2.60");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body().at("/error/message").asText()).isEqualTo("The request you have made requires authentication.");
        assertThat(http.get("/image/v2/images").status()).isEqualTo(401);
        http.token = null;
        http.login();
        InovaHttp.Answer gone = http.send("GET", "/identity/v3/auth/tokens", null, null, "X-Subject-Token", subject);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().at("/error/message").asText()).isEqualTo("Could not find token.");
    }

    @Test
    void aRevokedTokenIsRefusedEverywhere() throws Exception {
        http.login();
        String subject = http.token;
        assertThat(http.send("DELETE", "/identity/v3/auth/tokens", null, null, "X-Subject-Token", subject).status())
                .isEqualTo(204);
        assertThat(http.compute("GET", "/servers", null, "2.60").status()).isEqualTo(401);
        assertThat(http.send("DELETE", "/identity/v3/auth/tokens", null, null, "X-Subject-Token", subject).status())
                .isEqualTo(401);
    }

    @Test
    void versionDocumentsNeedNoToken() throws Exception {
        InovaHttp.Answer root = http.get("/identity");
        assertThat(root.status()).isEqualTo(300);
        assertThat(root.body().at("/versions/values/0/id").asText()).isEqualTo("v3.14");
        InovaHttp.Answer v3 = http.get("/identity/v3");
        assertThat(v3.status()).isEqualTo(200);
        assertThat(v3.body().at("/version/links/0/href").asText()).isEqualTo(sim.baseUrl() + "/identity/v3/");
    }

    @Test
    void thePasswordShowsOnlyInTheSandboxUpDocument() {
        assertThat(sim.toString()).doesNotContain(sim.password()).contains("***");
        assertThat(sim.spec().toString()).doesNotContain(sim.password());
        assertThat(sim.describeJson().get("password").asText()).isEqualTo(sim.password());
        assertThat(sim.describeJson().get("url").asText()).isEqualTo(sim.authUrl());
        assertThat(sim.describeJson().get("domain").asText()).isEqualTo("Default");
    }
}
