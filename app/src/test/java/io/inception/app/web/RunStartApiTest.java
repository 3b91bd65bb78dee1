package io.inception.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inception.app.Inception;
import io.inception.app.InceptionHome;
import io.inception.app.demo.DemoConfigRepository;
import io.inception.app.demo.SampleRepos;
import io.inception.app.server.TrainServer;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/runs}: a user starts the server's pipeline (or another) as a trigger would. */
class RunStartApiTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static HttpResponse<String> post(WebFixture web, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.server.url() + "/api/runs"))
                .header("Content-Type", "application/json");
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDeveloperStartsTheServersPipelineAndASecondRequestWhileItRunsIsRefusedWithItsName() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Inception inception = Inception.open(new InceptionHome(tmp.resolve("home")), null, Clock.systemUTC())) {
            SampleRepos.Layout repos = new SampleRepos(Clock.systemUTC()).create(tmp.resolve("repos"));
            Path config = DemoConfigRepository.create(tmp.resolve("config"), repos, Path.of("..").toAbsolutePath().normalize(),
                    Clock.systemUTC());
            TrainServer train = new TrainServer(inception, config.toString(), "master", "trunk-to-qe", "local",
                    config.resolve("environments/triggers.yaml"), Clock.systemUTC(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            try (WebFixture web = new WebFixture(inception.store(), tmp.resolve("web"), train::start)) {
                String dave = "Bearer " + web.daveToken;

                HttpResponse<String> started = post(web, "{}", "Authorization", dave);
                HttpResponse<String> second = post(web, "{\"pipeline\": \"trunk-to-qe\", \"environment\": \"local\"}",
                        "Authorization", dave);

                assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
                JsonNode body = JSON.readTree(started.body());
                String runId = body.get("id").asText();
                assertThat(body.get("page").asText()).isEqualTo("/runs/" + runId);
                assertThat(started.headers().firstValue("Location")).contains("/api/runs/" + runId);
                assertThat(body.get("message").asText()).startsWith("started run " + runId + " of trunk-to-qe @ ")
                        .endsWith(" on local");
                assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
                assertThat(JSON.readTree(second.body()).get("message").asText())
                        .contains("pipeline 'trunk-to-qe' on target 'local' is locked by", runId);

                Run done = inception.executor().awaitCompletion(runId, Duration.ofMinutes(2));
                assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(inception.store().runs().list()).filteredOn(r -> r.target().equals("local"))
                        .as("the fixture's runs are on qe; one run on local").extracting(Run::id).containsExactly(runId);
                assertThat(inception.store().audit().list(50)).filteredOn(e -> e.action().equals("run.start"))
                        .extracting(e -> e.actor() + " " + e.outcome())
                        .containsExactlyInAnyOrder("dave ALLOWED", "dave FAILED");
                assertThat(printed.toString(StandardCharsets.UTF_8)).contains("api: started run " + runId);
            }
        }
    }

    @Test
    void anUnknownPipelineIsABadRequestNamingTheKnownOnesAndNoTokenIsUnauthorized() throws Exception {
        try (Inception inception = Inception.open(new InceptionHome(tmp.resolve("home")), null, Clock.systemUTC())) {
            SampleRepos.Layout repos = new SampleRepos(Clock.systemUTC()).create(tmp.resolve("repos"));
            Path config = DemoConfigRepository.create(tmp.resolve("config"), repos, Path.of("..").toAbsolutePath().normalize(),
                    Clock.systemUTC());
            TrainServer train = new TrainServer(inception, config.toString(), "master", "trunk-to-qe", "local",
                    config.resolve("environments/triggers.yaml"), Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream()));
            try (WebFixture web = new WebFixture(inception.store(), tmp.resolve("web"), train::start)) {
                HttpResponse<String> unknown = post(web, "{\"pipeline\": \"nope\"}", "Authorization", "Bearer " + web.ritaToken);
                assertThat(unknown.statusCode()).isEqualTo(400);
                assertThat(JSON.readTree(unknown.body()).get("message").asText())
                        .startsWith("no pipeline 'nope' in ").contains("(known: ", "trunk-to-qe");

                assertThat(post(web, "{}").statusCode()).isEqualTo(401);
                assertThat(inception.store().runs().list()).noneMatch(r -> r.target().equals("local"));
            }
        }
    }
}
