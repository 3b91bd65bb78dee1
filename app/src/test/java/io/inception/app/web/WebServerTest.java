package io.inception.app.web;

import io.inception.engine.rollout.HostPhase;
import io.inception.engine.store.AuditEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The server over plain HTTP: health, metrics, logins, CSRF, roles, the API and the live rollout feed. */
class WebServerTest {
    @TempDir
    static Path home;
    static WebFixture web;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() {
        web = new WebFixture(home);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.server.url() + path));
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.server.url() + path))
                .header("Content-Type", contentType);
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String form(String... kv) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (b.length() > 0) b.append('&');
            b.append(kv[i]).append('=').append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    /** Logs in and returns {cookie, csrf}. */
    static String[] login(String user, String password) throws Exception {
        HttpResponse<String> r = post("/login", "application/x-www-form-urlencoded", form("user", user, "password", password));
        assertThat(r.statusCode()).isEqualTo(302);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly", "SameSite=Strict");
        HttpResponse<String> page = get("/promotions", "Cookie", cookie);
        Matcher m = Pattern.compile("name=csrf value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        return new String[] {cookie, m.group(1)};
    }

    @Test
    void healthReadinessAndMetricsNeedNoLogin() throws Exception {
        assertThat(get("/healthz").body()).isEqualTo("ok");
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("inception_runs{status=\"SUCCEEDED\"} 2.0",
                "inception_rollout_hosts{environment=\"qe\",phase=\"PENDING\",rollout=\"ro-live\"} ",
                "inception_stage_duration_seconds_sum{stage=\"package\"} 10.0",
                "inception_stage_duration_seconds_count{stage=\"package\"} 2",
                "inception_merge_conflicts{build=\"b-2\"} 1.0",
                "inception_environment_lag_commits{environment=\"qe\"} 3.0",
                "inception_environment_lag_days{environment=\"qe\"} 20.");
    }

    @Test
    void withoutLoginTheApiSays401AndPagesGoToTheLoginForm() throws Exception {
        assertThat(get("/api/builds").statusCode()).isEqualTo(401);
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).contains("/login");
        assertThat(post("/login", "application/x-www-form-urlencoded", form("user", "rita", "password", "nope"))
                .statusCode()).isEqualTo(401);
        assertThat(web.store.audit().list(50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("login");
            assertThat(e.outcome()).isEqualTo("DENIED");
        });
        assertThat(web.store.audit().list(50).toString()).doesNotContain("nope", WebFixture.RITA_PASSWORD);
    }

    @Test
    void theApiServesManifestsRunsRolloutsAndLagToTokenHolders() throws Exception {
        String auth = "Bearer " + web.daveToken;
        HttpResponse<String> manifest = get("/api/builds/b-1", "Authorization", auth);
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.body()).contains("\"puppetCommit\"", "\"snapshot\" : \"builds/b-1\"");
        assertThat(get("/api/builds/b-404", "Authorization", auth).statusCode()).isEqualTo(404);
        assertThat(get("/api/runs/r-b-1", "Authorization", auth).body()).contains("\"name\" : \"package\"");
        assertThat(get("/api/rollouts/ro-live", "Authorization", auth).body()).contains("\"cell\" : \"cell-1\"");
        assertThat(get("/api/environments", "Authorization", auth).body()).contains("\"environment\" : \"qe\"",
                "\"commits\" : 3", "\"warn\" : true");
        assertThat(get("/api/labs", "Authorization", auth).statusCode()).isEqualTo(503);
        assertThat(get("/api/builds", "Authorization", "Bearer inc_forged").statusCode()).isEqualTo(401);
    }

    @Test
    void allureReportsAreServedAndLinkedFromTheRunPage() throws Exception {
        Path report = home.resolve("runs/r-b-1/smoke/allure-report");
        java.nio.file.Files.createDirectories(report.resolve("data"));
        java.nio.file.Files.writeString(report.resolve("index.html"), "<html><script src=\"app.js\"></script>Allure</html>");
        java.nio.file.Files.writeString(report.resolve("data/suites.json"), "{\"children\": []}");
        String auth = "Bearer " + web.daveToken;

        HttpResponse<String> index = get("/reports/r-b-1/smoke/index.html", "Authorization", auth);
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(index.body()).contains("Allure");
        assertThat(get("/reports/r-b-1/smoke/data/suites.json", "Authorization", auth).body()).isEqualTo("{\"children\": []}");
        assertThat(get("/reports/r-b-1/smoke/..%2F..%2F..%2Finception.mv.db", "Authorization", auth).statusCode()).isEqualTo(404);
        assertThat(get("/reports/r-b-1/smoke/index.html").statusCode()).isIn(302, 401);
        assertThat(get("/runs/r-b-1", "Authorization", auth).body())
                .contains("<a class=report href=\"/reports/r-b-1/smoke/index.html\">r-b-1 smoke</a>");
        assertThat(get("/builds/b-1", "Authorization", auth).body()).contains("href=\"/reports/r-b-1/smoke/index.html\"");
        assertThat(get("/runs/r-b-2", "Authorization", auth).body()).doesNotContain("Allure reports");
    }

    @Test
    void theLabsPageSaysWhenNoPoolIsConfigured() throws Exception {
        HttpResponse<String> labs = get("/labs", "Authorization", "Bearer " + web.daveToken);
        assertThat(labs.statusCode()).isEqualTo(200);
        assertThat(labs.body()).contains("<a href=/labs>labs</a>", "id=labs-off", "labs are off");
    }

    @Test
    void aDeveloperTokenCannotPromoteAndTheAttemptIsAudited() throws Exception {
        HttpResponse<String> r = post("/api/promotions", "application/json", "{\"build\":\"b-1\",\"to\":\"staging\"}",
                "Authorization", "Bearer " + web.daveToken);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("role developer may not promote");
        AuditEntry last = web.store.audit().list(1).get(0);
        assertThat(last.actor() + " " + last.action() + " " + last.outcome()).isEqualTo("dave promote DENIED");
        assertThat(last.source()).isEqualTo("127.0.0.1");
    }

    @Test
    void aReleaseManagersFormNeedsItsCsrfTokenThenPromotes() throws Exception {
        String[] rita = login("rita", WebFixture.RITA_PASSWORD);
        HttpResponse<String> forged = post("/promotions", "application/x-www-form-urlencoded",
                form("build", "b-2", "to", "staging", "action", "promote"), "Cookie", rita[0]);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(web.store.audit().list(1).get(0).action()).isEqualTo("csrf");

        HttpResponse<String> ok = post("/promotions", "application/x-www-form-urlencoded",
                form("csrf", rita[1], "build", "b-2", "to", "staging", "action", "promote"), "Cookie", rita[0]);
        assertThat(ok.statusCode()).as("the form goes to the started promotion's page").isEqualTo(303);
        String page = ok.headers().firstValue("Location").orElseThrow();
        assertThat(page).matches("/promotions/p-\\d{8}-\\d{4}");
        String id = page.substring("/promotions/".length());
        assertThat(ended(id).path("promotion").path("message").asText()).isEqualTo("staging runs b-2: 4 hosts upgraded, smoke 14/14");
        assertThat(get(page, "Cookie", rita[0]).body()).contains("id=promotion-status class=\"SUCCEEDED\"",
                "staging runs b-2", "smoke: 14 of 14 passed");
        assertThat(web.suites).containsEntry("staging", "b-2");
        assertThat(web.deploys).anySatisfy(d -> assertThat(d.snapshot()).isEqualTo("builds/b-2"));
        assertThat(get("/audit", "Cookie", rita[0]).body()).contains("rita", "promote", "b-2 -&gt; staging");
    }

    @Test
    void aPromoteRequestAnswers202AtOnceWhileTheWorkerDeploysAndThePromotionTellsItsSteps() throws Exception {
        web.hold = new java.util.concurrent.CountDownLatch(1);
        try {
            HttpResponse<String> r = post("/api/promotions", "application/json", "{\"build\":\"b-1\",\"to\":\"staging\"}",
                    "Authorization", "Bearer " + web.ritaToken);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            com.fasterxml.jackson.databind.JsonNode body = JSON.readTree(r.body());
            String id = body.path("promotion").path("id").asText();
            assertThat(body.path("outcome").asText()).isEqualTo("started");
            assertThat(r.headers().firstValue("Location")).contains("/api/promotions/" + id);

            // the deploy is held at its gate: the promotion is RUNNING, its steps so far are there
            com.fasterxml.jackson.databind.JsonNode running = await(id, v -> v.path("progress").size() == 2);
            assertThat(running.path("promotion").path("status").asText()).isEqualTo("RUNNING");
            assertThat(running.path("complete").asBoolean()).isFalse();
            assertThat(running.path("promotion").path("message").asText()).isEqualTo("rollout ro-" + id + ": waiting at gate of wave rest");
            HttpResponse<String> busy = post("/api/promotions", "application/json", "{\"build\":\"b-2\",\"to\":\"staging\"}",
                    "Authorization", "Bearer " + web.ritaToken);
            assertThat(busy.statusCode()).isEqualTo(409);
            assertThat(busy.body()).contains("promotion " + id + " of b-1 to staging is still running");

            web.hold.countDown();
            com.fasterxml.jackson.databind.JsonNode done = ended(id);
            assertThat(done.path("promotion").path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(done.path("progress")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                    .containsExactly("Puppet @77aa88bb99cc00dd11ee22ff33aa44bb55cc66dd on 9 control VM(s) of staging", "rollout ro-" + id + ": waiting at gate of wave rest",
                            "smoke: 14 of 14 passed");
            assertThat(get("/api/promotions/p-none", "Authorization", "Bearer " + web.ritaToken).statusCode()).isEqualTo(404);
        } finally {
            web.hold.countDown();
            web.hold = null;
        }
    }

    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** {@code GET /api/promotions/{id}} once {@code until} holds for it (within 30 s). */
    static com.fasterxml.jackson.databind.JsonNode await(String id,
            java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode> until) throws Exception {
        io.inception.engine.wait.Waited<com.fasterxml.jackson.databind.JsonNode> w = io.inception.engine.wait.WaitStrategy
                .of(Duration.ofSeconds(30), Duration.ofMillis(50)).poll("promotion " + id, () -> {
                    try {
                        var v = JSON.readTree(get("/api/promotions/" + id, "Authorization", "Bearer " + web.ritaToken).body());
                        return java.util.Optional.of(v).filter(until);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        assertThat(w).as(w.toString()).isInstanceOf(io.inception.engine.wait.Waited.Reached.class);
        return ((io.inception.engine.wait.Waited.Reached<com.fasterxml.jackson.databind.JsonNode>) w).value();
    }

    static com.fasterxml.jackson.databind.JsonNode ended(String id) throws Exception {
        return await(id, v -> v.path("complete").asBoolean());
    }

    @Test
    void theRolloutFeedSendsEveryHostThenEachChange() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(web.server.url() + "/api/rollouts/ro-live/events"))
                .header("Authorization", "Bearer " + web.ritaToken).header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.io.InputStream> r = HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String first = nextData(in, "hosts");
            assertThat(first).contains("\"host\" : \"c1-000\"", "\"host\" : \"c2-003\"", "\"phase\" : \"PENDING\"");
            web.move("c2-001", HostPhase.UPGRADING);
            String change = nextData(in, "hosts");
            assertThat(change).contains("\"host\" : \"c2-001\"", "\"phase\" : \"UPGRADING\"")
                    .doesNotContain("c1-000");
        }
    }

    /** The data line of the next SSE event named {@code event}, reading at most until a deadline. */
    static String nextData(BufferedReader in, String event) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        String current = null;
        for (String line; (line = in.readLine()) != null; ) {
            if (Instant.now().isAfter(deadline)) break;
            if (line.startsWith("event:")) current = line.substring(6).trim();
            if (line.startsWith("data:") && event.equals(current)) return line.substring(5).trim();
        }
        throw new AssertionError("no '" + event + "' event within 30 s");
    }

    @Test
    void aPipelinesManualGateIsDecidedByAReleaseManagerOverTheApi() throws Exception {
        gatedRun("r-gated");
        String path = "/api/runs/r-gated/stages/go-ahead/decision";

        HttpResponse<String> developer = post(path, "application/json", "{\"approve\": true}", "Authorization", "Bearer " + web.daveToken);
        assertThat(developer.statusCode()).isEqualTo(403);
        assertThat(developer.body()).contains("release manager");
        HttpResponse<String> wrongStage = post("/api/runs/r-gated/stages/nope/decision", "application/json", "{}",
                "Authorization", "Bearer " + web.ritaToken);
        assertThat(wrongStage.statusCode()).isEqualTo(409);
        HttpResponse<String> rita = post(path, "application/json", "{\"approve\": true, \"comment\": \"smoke green\"}",
                "Authorization", "Bearer " + web.ritaToken);
        assertThat(rita.statusCode()).as(rita.body()).isEqualTo(200);
        assertThat(rita.body()).contains("approved r-gated/go-ahead as rita");
        assertThat(web.store.audit().list(20)).extracting(e -> e.actor() + " " + e.action() + " " + e.target() + " " + e.outcome())
                .contains("dave stage.approval r-gated/go-ahead DENIED", "rita stage.approval r-gated/go-ahead APPROVED");
    }

    @Test
    void theRunPageOffersApproveAndRejectToAReleaseManagerOnlyAndTheFormNeedsItsCsrfToken() throws Exception {
        gatedRun("r-form");
        String form = "/runs/r-form/stages/go-ahead/decision";
        String[] dave = login("dave", WebFixture.DAVE_PASSWORD);
        HttpResponse<String> davePage = get("/runs/r-form", "Cookie", dave[0]);
        assertThat(davePage.body()).contains("go-ahead").doesNotContain("id=\"approve-go-ahead\"", "action=\"" + form);
        HttpResponse<String> daveTries = post(form, "application/x-www-form-urlencoded",
                form("csrf", dave[1], "decision", "approve"), "Cookie", dave[0]);
        assertThat(daveTries.statusCode()).isEqualTo(403);
        assertThat(daveTries.body()).contains("denied: dave (developer) may not approve runs");

        String[] rita = login("rita", WebFixture.RITA_PASSWORD);
        assertThat(get("/runs/r-form", "Cookie", rita[0]).body())
                .contains("action=\"" + form + "\"", "id=\"approve-go-ahead\"", "id=\"reject-go-ahead\"", "name=comment");
        HttpResponse<String> forged = post(form, "application/x-www-form-urlencoded", form("decision", "approve"),
                "Cookie", rita[0]);
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> rejected = post(form, "application/x-www-form-urlencoded",
                form("csrf", rita[1], "decision", "reject", "comment", "staging is frozen"), "Cookie", rita[0]);
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.body()).contains("rejected r-form/go-ahead as rita");
        assertThat(web.store.audit().list(20)).extracting(e -> e.actor() + " " + e.action() + " " + e.target() + " "
                + e.outcome() + " " + e.detail()).contains("dave stage.approval r-form/go-ahead DENIED role developer may"
                + " not approve", "rita stage.approval r-form/go-ahead REJECTED staging is frozen");
    }

    /** A run of pipeline {@code gated} whose only stage, the approval {@code go-ahead}, has started and waits. */
    static void gatedRun(String runId) {
        var stage = new io.inception.engine.model.StageDef("go-ahead", "approval", java.util.Map.of(), Duration.ofMinutes(30),
                new io.inception.engine.model.RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 0), "pipelines/gated.yaml");
        var def = new io.inception.engine.model.PipelineDef("gated", java.util.List.of(stage), "https://git.example/env.git",
                "9f1c2e3d4b5a69788796a5b4c3d2e1f001122334", "pipelines/gated.yaml");
        java.time.Instant at = WebFixture.T0;
        web.store.createRun(new io.inception.engine.store.NewRun(new io.inception.engine.model.Run(runId, "gated",
                def.commit(), "qe", null, io.inception.engine.model.ExecutionStatus.RUNNING, at, at, null), def,
                new io.inception.engine.model.Environment("qe", "QE", "qe.yaml@1")));
        assertThat(web.store.stages().markRunning(runId, 0, 1, at)).isTrue();
    }
}
