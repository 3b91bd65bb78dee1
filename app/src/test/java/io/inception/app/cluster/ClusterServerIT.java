package io.inception.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inception.app.access.Actor;
import io.inception.app.access.AuditTrail;
import io.inception.app.access.PasswordHasher;
import io.inception.app.access.Role;
import io.inception.app.access.Tokens;
import io.inception.app.access.UserDirectory;
import io.inception.app.demo.DemoConfigRepository;
import io.inception.app.demo.SampleRepos;
import io.inception.app.release.ReleaseFixture;
import io.inception.engine.rollout.HostPhase;
import io.inception.engine.rollout.HostRecord;
import io.inception.engine.store.LocalPostgres;
import io.inception.engine.store.Store;
import io.inception.engine.wait.WaitStrategy;
import io.inception.engine.wait.Waited;
import io.inception.packaging.signing.Secret;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code inception server --cluster} end to end: three servers as separate JVMs (the app's Main), each
 * with its own web and apt ports, node id and zones, on one PostgreSQL and one configuration repository.
 * One push to trunk starts one run (the trunk-moved trigger is evaluated by one node of the cluster at a
 * time); the run is followed through another node's API and pages, a rollout grid's live feed through two
 * nodes; the node executing the run is killed with
 * SIGKILL in the middle of a stage; another node finishes it — the stage it finished before the kill is
 * not run again, the interrupted stage resumes from its checkpoint — and every surviving node shows it.
 */
class ClusterServerIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Two manual gates: the first is decided before the kill, the run is killed while it waits at the second. */
    private static final String PIPELINE = """
            name: cluster-gates
            description: two approval gates, the run is held at the second while its node dies
            stages:
              - name: first-gate
                type: approval
                with:
                  message: first gate
              - name: hold
                type: approval
                with:
                  message: held while a node dies
            """;

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    @Test
    void aRunFollowedFromAnyNodeIsFinishedByAnotherNodeWhenItsNodeIsKilled() throws Exception {
        String db = LocalPostgres.shared().newDatabase("cluster_server");
        Path sourceRoot = Path.of("..").toAbsolutePath().normalize();
        SampleRepos.Layout repos = new SampleRepos(Clock.systemUTC()).create(dir.resolve("repos"));
        Path config = configRepository(repos, sourceRoot);
        Map<String, ServerNode> nodes = new LinkedHashMap<>();
        try (Store store = Store.open(db)) {
            token = releaseManagerToken(store);
            Map<String, String> zones = Map.of("node-1", "c1", "node-2", "c2", "node-3", "c1,c2");
            for (String id : List.of("node-1", "node-2", "node-3")) {
                Files.createDirectories(dir.resolve(id));
                nodes.put(id, ServerNode.start(id, dir.resolve(id).resolve("home"), dir.resolve(id + ".log"), sourceRoot,
                        "--cluster", "--db", db, "--node-id", id, "--zones", zones.get(id), "--heartbeat", "1",
                        "--repo", config.toString(), "--pipeline", "cluster-gates", "--env", "local",
                        "--web", "127.0.0.1:0", "--listen", "127.0.0.1:0", "--watch-every", "0s"));
            }
            Supplier<String> tails = () -> nodes.values().stream().map(ServerNode::tail).collect(Collectors.joining("\n"));
            awaitTrue(() -> nodes.values().stream().allMatch(ServerNode::ready), "three servers ready", tails);
            String web1 = nodes.get("node-1").webUrl().orElseThrow();
            String web2 = nodes.get("node-2").webUrl().orElseThrow();
            awaitTrue(() -> store.triggerStates().load("trunk-moved").map(s -> s.lastSha() != null).orElse(false),
                    "the trunk-moved trigger's baseline", tails);

            rolloutGridFromTheSharedStore(store, nodes.get("node-2"), nodes.get("node-3"), tails);

            RevCommit pushed = push(repos.trunk());
            awaitTrue(() -> get(web1, "/api/runs").size() == 1, "a run started by the push, seen through node-1's API", tails);
            String runId = get(web1, "/api/runs").get(0).get("id").asText();
            JsonNode run = await(() -> waiting(get(web2, "/api/runs/" + runId), "first-gate"),
                    "the run waiting at its first gate, seen through node-2's API", tails);
            assertThat(run.get("run").get("pipeline").asText()).isEqualTo("cluster-gates");
            decide(web2, runId, "first-gate");
            JsonNode held = await(() -> waiting(get(web2, "/api/runs/" + runId), "hold")
                            .filter(d -> logs(d, "hold").stream().anyMatch(l -> l.contains("waiting for a release manager"))),
                    "the run waiting at its second gate", tails);
            JsonNode firstGateBefore = stageNode(held, "first-gate");
            assertThat(firstGateBefore.get("status").asText()).isEqualTo("SUCCEEDED");

            List<String> starters = nodes.values().stream().filter(n -> n.console().contains("trigger trunk-moved (TRUNK_MOVED "
                    + pushed.name().substring(0, 7) + "): started run " + runId))
                    .map(ServerNode::id).toList();
            assertThat(starters).as("one node started the run (one push, one trigger fire in the cluster)").hasSize(1);
            ServerNode victim = nodes.get(starters.get(0));
            List<ServerNode> survivors = nodes.values().stream().filter(n -> n != victim).toList();
            Map<String, Integer> consoleAtKill = survivors.stream().collect(Collectors.toMap(ServerNode::id,
                    n -> n.console().length()));
            victim.process().destroyForcibly();
            assertThat(victim.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(victim.process().exitValue()).as("killed by SIGKILL").isEqualTo(137);
            String survivorWeb = survivors.get(0).webUrl().orElseThrow();

            decide(survivorWeb, runId, "hold");
            JsonNode done = await(() -> Optional.of(get(survivorWeb, "/api/runs/" + runId))
                            .filter(d -> d.get("run").get("status").asText().equals("SUCCEEDED")),
                    "the run finished by a surviving node", tails);

            // its node is dead, so a survivor finished it: whether by resuming the whole run (the
            // resume-orphaned-runs sweep) or by claiming its stage, its log names the run
            assertThat(survivors).as("a surviving node took the run over").anyMatch(n -> n.console()
                    .substring(consoleAtKill.get(n.id())).lines()
                    .anyMatch(l -> l.contains(runId) && !l.contains("not resuming")));
            JsonNode firstGateAfter = stageNode(done, "first-gate");
            assertThat(firstGateAfter).as("the finished stage was not run again").isEqualTo(firstGateBefore);
            assertThat(logs(done, "hold")).as("the interrupted stage resumed from its checkpoint: it asked once")
                    .filteredOn(l -> l.contains("waiting for a release manager")).hasSize(1);
            assertThat(stageNode(done, "hold").get("status").asText()).isEqualTo("SUCCEEDED");
            for (ServerNode n : survivors) {
                String url = n.webUrl().orElseThrow();
                assertThat(get(url, "/api/runs")).as("one run in the cluster, seen from %s", n.id()).hasSize(1);
                String page = page(url, "/runs/" + runId);
                assertThat(page).as("the run page of %s", n.id()).contains("<b id=run-status>SUCCEEDED</b>",
                        "<td>first-gate<td>SUCCEEDED", "<td>hold<td>SUCCEEDED", "approved by rita");
            }
            secondRunStartedThroughTheApiOfAnotherSurvivor(survivors, tails);
            for (ServerNode n : nodes.values()) {
                assertThat(n.console()).as("the console of %s", n.id()).contains("inception server: cluster node " + n.id()
                        + ", zones " + zones.get(n.id()) + ", heartbeat 1 s, failover after 6 s")
                        .doesNotContain("Failed to find implementation for task")
                        .as("the run's first execution went straight on, not aborted and resumed")
                        .doesNotContain("is already complete in the store");
            }
        } finally {
            Path kept = Path.of("target", "cluster-server-it");
            Files.createDirectories(kept);
            for (ServerNode n : nodes.values()) {
                n.process().destroyForcibly();
                n.process().waitFor(30, TimeUnit.SECONDS);
                if (Files.exists(n.log())) Files.copy(n.log(), kept.resolve(n.id() + ".log"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * The rollout grid's live feed is served from the shared store: a host's phase written by one node
     * (here: the test, through the store) reaches the SSE clients of every node.
     */
    private void rolloutGridFromTheSharedStore(Store store, ServerNode a, ServerNode b, Supplier<String> tails)
            throws InterruptedException {
        ReleaseFixture.rollout(store, "ro-cluster", "local", "b-cluster", "29.0.0-1", Instant.now(), HostPhase.PENDING);
        try (SseTap feedA = new SseTap(http, a.webUrl().orElseThrow() + "/api/rollouts/ro-cluster/events", token);
             SseTap feedB = new SseTap(http, b.webUrl().orElseThrow() + "/api/rollouts/ro-cluster/events", token)) {
            awaitTrue(() -> feedA.delivered("c1-000", "PENDING") && feedB.delivered("c1-000", "PENDING"),
                    "both nodes' feeds showing the rollout's hosts", () -> feedA.seen() + "\n" + feedB.seen());
            HostRecord host = store.rollouts().hosts("ro-cluster").get(0);
            store.rollouts().update("ro-cluster", host.withPhase(HostPhase.DONE, "upgraded", Instant.now()));
            awaitTrue(() -> feedA.delivered(host.host().name(), "DONE") && feedB.delivered(host.host().name(), "DONE"),
                    "the host's new phase on both nodes' feeds", () -> feedA.seen() + "\n" + feedB.seen() + tails.get());
        }
    }

    /** The demo's configuration repository, running the two-gate pipeline on trunk moves polled every second. */
    private Path configRepository(SampleRepos.Layout repos, Path sourceRoot) throws Exception {
        Path config = DemoConfigRepository.create(dir.resolve("config"), repos, sourceRoot, Clock.systemUTC());
        Files.writeString(config.resolve("environments/pipelines/cluster-gates.yaml"), PIPELINE);
        Files.writeString(config.resolve("environments/triggers.yaml"), """
                triggers:
                  - name: trunk-moved
                    trunk-moved: {poll: 1s}
                """);
        try (Git git = Git.open(config.toFile())) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("The cluster test's pipeline and trigger").setAuthor("Test", "test@inception.invalid")
                    .setCommitter("Test", "test@inception.invalid").setSign(false).call();
        }
        return config;
    }

    private static String releaseManagerToken(Store store) {
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        UserDirectory users = new UserDirectory(store.users(), new PasswordHasher(1024, 1, random), new Tokens(random),
                new AuditTrail(store.audit(), clock), clock);
        Actor admin = new Actor("admin", Role.ADMIN, "test");
        users.add(admin, "rita", Role.RELEASE_MANAGER, Secret.of("correct horse battery"));
        return users.issueToken(admin, "rita", "cluster test").orElseThrow();
    }

    private static RevCommit push(Path trunk) throws Exception {
        try (Git git = Git.open(trunk.toFile())) {
            Files.writeString(trunk.resolve("CLUSTER"), "one push\n");
            git.add().addFilepattern("CLUSTER").call();
            return git.commit().setMessage("One push for the cluster").setAuthor("Dev", "dev@nova.invalid")
                    .setCommitter("Dev", "dev@nova.invalid").setSign(false).call();
        }
    }

    private static Optional<JsonNode> stage(JsonNode details, String stage, String status) {
        JsonNode s = stageNode(details, stage);
        return s != null && s.get("status").asText().equals(status) ? Optional.of(details) : Optional.empty();
    }

    private static JsonNode stageNode(JsonNode details, String stage) {
        for (JsonNode s : details.get("stages")) if (s.get("name").asText().equals(stage)) return s;
        return null;
    }

    private static List<String> logs(JsonNode details, String stage) {
        List<String> lines = new ArrayList<>();
        for (JsonNode l : details.get("logs")) if (l.get("stage").asText().equals(stage)) lines.add(l.get("message").asText());
        return lines;
    }

    /** {@code POST /api/runs} on one survivor; its gates approved through the other; the cluster runs it to the end. */
    private void secondRunStartedThroughTheApiOfAnotherSurvivor(List<ServerNode> survivors, Supplier<String> tails)
            throws IOException, InterruptedException {
        String webA = survivors.get(0).webUrl().orElseThrow();
        String webB = survivors.get(1).webUrl().orElseThrow();
        HttpResponse<String> started = http.send(request(webB, "/api/runs").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as("POST /api/runs: %s", started.body()).isEqualTo(201);
        String second = JSON.readTree(started.body()).get("id").asText();
        await(() -> waiting(get(webA, "/api/runs/" + second), "first-gate"),
                "the API-started run at its first gate, seen through the other survivor", tails);
        decide(webA, second, "first-gate");
        await(() -> waiting(get(webA, "/api/runs/" + second), "hold"), "the API-started run at its second gate", tails);
        decide(webB, second, "hold");
        JsonNode done = await(() -> Optional.of(get(webA, "/api/runs/" + second))
                .filter(d -> d.get("run").get("status").asText().equals("SUCCEEDED")), "the API-started run finished", tails);
        assertThat(done.get("run").get("pipeline").asText()).isEqualTo("cluster-gates");
    }

    /** The run's {@code stage} awaiting a decision: RUNNING while a node checks it, WAITING while parked in the queue. */
    private static Optional<JsonNode> waiting(JsonNode details, String stage) {
        return stage(details, stage, "RUNNING").or(() -> stage(details, stage, "WAITING"));
    }

    private void decide(String web, String runId, String stage) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(web, "/api/runs/" + runId + "/stages/" + stage + "/decision")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"approve\": true, \"comment\": \"cluster test\"}"))
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("approving %s: %s", stage, r.body()).isEqualTo(200);
    }

    private JsonNode get(String web, String path) {
        try {
            HttpResponse<String> r = http.send(request(web, path).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + web + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String page(String web, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(web, path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
        return r.body();
    }

    private HttpRequest.Builder request(String web, String path) {
        return HttpRequest.newBuilder(URI.create(web + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what, Supplier<String> seen)
            throws InterruptedException {
        await(() -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(), what, seen);
    }

    private static <T> T await(Supplier<Optional<T>> poll, String what, Supplier<String> seen) throws InterruptedException {
        Waited<T> waited = WaitStrategy.of(WAIT, Duration.ofMillis(250)).poll(what, () -> {
            try {
                return poll.get();
            } catch (IllegalStateException e) {
                return Optional.empty(); // a node not answering yet
            }
        }, seen);
        if (waited instanceof Waited.TimedOut<T> t) throw new AssertionError(t.message());
        return ((Waited.Reached<T>) waited).value();
    }
}
