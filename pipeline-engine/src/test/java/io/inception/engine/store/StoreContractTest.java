package io.inception.engine.store;

import io.inception.engine.model.BranchHead;
import io.inception.engine.model.Build;
import io.inception.engine.model.Environment;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.RetryPolicy;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageDef;
import io.inception.engine.model.StageRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every store must do, whatever the database: H2 ({@link H2StoreTest}) and PostgreSQL
 * ({@link PostgresStoreIT}) both extend this class and must pass the same tests.
 */
public abstract class StoreContractTest extends StoreFixture {
    protected static final Instant T0 = Instant.parse("2026-11-27T02:00:00.123456Z");

    protected StoreContractTest() {
        super(T0);
    }

    static PipelineDef pipeline(String name, String... stageNames) {
        List<StageDef> stages = new ArrayList<>();
        for (String s : stageNames) {
            stages.add(new StageDef(s, "type-" + s, Map.of("count", 3L, "flag", true, "hosts", List.of("a", "b"),
                    "nested", Map.of("k", "v")), Duration.ofMinutes(5),
                    new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10), 0.2), "pipelines/x.yaml"));
        }
        return new PipelineDef(name, stages, "https://git.example/env.git", "abc123", "pipelines/" + name + ".yaml");
    }

    protected Run createRun(String id, String pipelineName, Instant createdAt, String... stages) {
        Run run = new Run(id, pipelineName, "abc123", "qe", null, ExecutionStatus.RUNNING, createdAt, createdAt, null);
        store.createRun(new NewRun(run, pipeline(pipelineName, stages), new Environment("qe", "QE lab", "qe.yaml@1")));
        return run;
    }

    @Test
    void aRunIsStoredWithItsStagesDefinitionAndEnvironment() {
        Run run = createRun("r-1", "deploy", T0, "merge", "unit-tests");

        assertThat(store.runs().find("r-1")).contains(run);
        assertThat(store.runs().definition("r-1")).contains(pipeline("deploy", "merge", "unit-tests"));
        assertThat(store.runs().environment("r-1")).contains(new Environment("qe", "QE lab", "qe.yaml@1"));
        assertThat(store.stages().list("r-1")).extracting(StageRun::name, StageRun::index, StageRun::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("merge", 0, ExecutionStatus.NOT_STARTED),
                        org.assertj.core.groups.Tuple.tuple("unit-tests", 1, ExecutionStatus.NOT_STARTED));
        assertThat(store.runs().find("nope")).isEmpty();
    }

    @Test
    void runsAreListedNewestFirstWithTheirStatus() {
        createRun("r-a", "deploy", T0, "s");
        createRun("r-b", "deploy", T0.plusSeconds(10), "s");
        createRun("r-c", "lab", T0.plusSeconds(5), "s");
        assertThat(store.runs().finish("r-b", ExecutionStatus.FAILED, T0.plusSeconds(20))).isTrue();

        List<Run> runs = store.runs().list(10);
        assertThat(runs).extracting(Run::id).containsExactly("r-b", "r-c", "r-a");
        assertThat(runs.get(0).status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(runs.get(0).finishedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(store.runs().list(2)).hasSize(2);
        assertThat(store.runs().withStatus(ExecutionStatus.RUNNING)).extracting(Run::id).containsExactly("r-a", "r-c");
    }

    @Test
    void aFinishedRunCannotBeFinishedAgain() {
        createRun("r-1", "deploy", T0, "s");
        assertThat(store.runs().finish("r-1", ExecutionStatus.CANCELED, T0.plusSeconds(1))).isTrue();
        assertThat(store.runs().finish("r-1", ExecutionStatus.SUCCEEDED, T0.plusSeconds(2))).isFalse();
        assertThat(store.runs().find("r-1").orElseThrow().status()).isEqualTo(ExecutionStatus.CANCELED);
    }

    record MergeOutput(String candidate, List<String> merged, Instant at) {
    }

    @Test
    void stageTransitionsAreStoredAndACompletedStageIsNeverWrittenAgain() {
        createRun("r-1", "deploy", T0, "merge", "tests");
        assertThat(store.stages().markRunning("r-1", 0, 1, T0.plusSeconds(1))).isTrue();
        assertThat(store.stages().markWaiting("r-1", 0, "waiting for VM")).isTrue();
        assertThat(store.stages().markRunning("r-1", 0, 2, T0.plusSeconds(3))).isTrue();
        StageRun running = store.stages().find("r-1", "merge").orElseThrow();
        assertThat(running.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(running.attempt()).isEqualTo(2);
        assertThat(running.startedAt()).as("first start is kept").isEqualTo(T0.plusSeconds(1));
        assertThat(running.message()).isEqualTo("waiting for VM");

        MergeOutput out = new MergeOutput("f00d", List.of("b1", "b2"), T0);
        assertThat(store.stages().complete("r-1", 0, ExecutionStatus.SUCCEEDED, "merged 2", out, T0.plusSeconds(4)))
                .isTrue();

        assertThat(store.stages().complete("r-1", 0, ExecutionStatus.FAILED, "late", null, T0.plusSeconds(5))).isFalse();
        assertThat(store.stages().markRunning("r-1", 0, 3, T0.plusSeconds(6))).isFalse();
        assertThat(store.stages().markWaiting("r-1", 0, "late poll")).isFalse();
        StageRun done = store.stages().find("r-1", "merge").orElseThrow();
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.message()).isEqualTo("merged 2");
        assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(store.stages().output("r-1", "merge", MergeOutput.class)).contains(out);
        assertThat(store.stages().output("r-1", "tests", MergeOutput.class)).isEmpty();
    }

    @Test
    void logLinesAreKeptInOrderPerStage() {
        createRun("r-1", "deploy", T0, "a", "b");
        store.logs().append("r-1", "a", "INFO", "first");
        clock.advance(Duration.ofSeconds(1));
        store.logs().append("r-1", "b", "WARN", "second");
        store.logs().append("r-1", "a", "ERROR", "third ünïcode");

        assertThat(store.logs().list("r-1")).extracting(LogLine::message)
                .containsExactly("first", "second", "third ünïcode");
        assertThat(store.logs().list("r-1", "a")).extracting(LogLine::severity).containsExactly("INFO", "ERROR");
        assertThat(store.logs().list("r-1", "b").get(0).at()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void checkpointsArePerRunAndStageAndCanBeReplacedAndRemoved() {
        createRun("r-1", "deploy", T0, "a", "b");
        createRun("r-2", "deploy", T0, "a");
        store.checkpoints().put("r-1", "a", "step", "1");
        store.checkpoints().put("r-1", "a", "step", "2");
        store.checkpoints().put("r-1", "a", "vm", "id-7");
        store.checkpoints().put("r-1", "b", "step", "9");
        store.checkpoints().put("r-2", "a", "step", "5");

        assertThat(store.checkpoints().get("r-1", "a", "step")).contains("2");
        assertThat(store.checkpoints().all("r-1", "a")).isEqualTo(Map.of("step", "2", "vm", "id-7"));
        store.checkpoints().remove("r-1", "a", "vm");
        assertThat(store.checkpoints().all("r-1", "a")).isEqualTo(Map.of("step", "2"));
        assertThat(store.checkpoints().get("r-2", "a", "step")).contains("5");
        assertThat(store.checkpoints().get("r-1", "c", "step")).isEmpty();
    }

    record TestSummary(int passed, int failed) {
    }

    @Test
    void aBuildKeepsTrunkAndBranchHeadsAndItsFacts() {
        Build build = new Build("b-1", new BranchHead("trunk", "https://git/nova", "master", "aaa", "MERGED"),
                List.of(new BranchHead("perf", "https://git/nova-perf", "perf", "bbb", "MERGED"),
                        new BranchHead("fix", "https://git/nova-fix", "fix", "ccc", "CONFLICT")),
                "ddd", T0);
        store.builds().save(build);
        store.builds().save(build); // idempotent

        assertThat(store.builds().find("b-1")).contains(build);
        assertThatThrownBy(() -> store.builds().save(new Build("b-1", build.trunk(), List.of(), "eee", T0)))
                .hasMessageContaining("b-1 already exists");

        store.builds().putFact("b-1", "unit-tests", new TestSummary(10, 1));
        store.builds().putFact("b-1", "unit-tests", new TestSummary(11, 0));
        store.builds().putFact("b-1", "snapshot", "builds/b-1");
        assertThat(store.builds().fact("b-1", "unit-tests", TestSummary.class)).contains(new TestSummary(11, 0));
        assertThat(store.builds().facts("b-1")).containsOnlyKeys("snapshot", "unit-tests");
        assertThat(store.builds().fact("b-1", "missing", String.class)).isEmpty();
    }

    @Test
    void artifactsAreIndexedPerStage() {
        createRun("r-1", "deploy", T0, "a");
        store.artifacts().record("r-1", "a", "report.xml", Path.of("/tmp/x/report.xml"), 12, "ab".repeat(32));
        store.artifacts().record("r-1", "a", "report.xml", Path.of("/tmp/x/report.xml"), 14, "cd".repeat(32));
        store.artifacts().record("r-1", "a", "pkg.deb", Path.of("/tmp/x/pkg.deb"), 99, "ef".repeat(32));

        assertThat(store.artifacts().list("r-1", "a")).extracting(ArtifactEntry::name, ArtifactEntry::sizeBytes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("report.xml", 14L),
                        org.assertj.core.groups.Tuple.tuple("pkg.deb", 99L));
    }

    @Test
    void detailsGatherStagesLogsAndArtifactsOfARun() {
        createRun("r-1", "deploy", T0, "a", "b");
        store.stages().markRunning("r-1", 0, 1, T0);
        store.logs().append("r-1", "a", "INFO", "hello");
        store.artifacts().record("r-1", "a", "f", Path.of("/tmp/f"), 1, "00".repeat(32));

        RunDetails details = store.details("r-1").orElseThrow();
        assertThat(details.run().id()).isEqualTo("r-1");
        assertThat(details.stages()).hasSize(2);
        assertThat(details.logsOf("a")).extracting(LogLine::message).containsExactly("hello");
        assertThat(details.artifacts()).hasSize(1);
        assertThat(store.details("missing")).isEmpty();
    }

    @Test
    void aRunLockIsExclusiveAndOnlyItsOwnerReleasesIt() {
        assertThat(store.locks().tryInsert("deploy", "qe", "r-1", "exec-a", 11, "host-a")).isTrue();
        assertThat(store.locks().tryInsert("deploy", "qe", "r-2", "exec-b", 12, "host-b")).isFalse();
        assertThat(store.locks().tryInsert("deploy", "staging", "r-3", "exec-b", 12, "host-b"))
                .as("another target is another lock").isTrue();

        RunLock lock = store.locks().find("deploy", "qe").orElseThrow();
        assertThat(lock.runId()).isEqualTo("r-1");
        assertThat(lock.ownerPid()).isEqualTo(11);
        assertThat(store.locks().heldBy("r-3")).map(RunLock::target).contains("staging");

        clock.advance(Duration.ofSeconds(7));
        assertThat(store.locks().heartbeat("r-1", "exec-a")).isTrue();
        assertThat(store.locks().heartbeat("r-1", "exec-b")).isFalse();
        assertThat(store.locks().find("deploy", "qe").orElseThrow().heartbeatAt()).isEqualTo(T0.plusSeconds(7));

        assertThat(store.locks().release("r-1", "exec-b")).isFalse();
        assertThat(store.locks().release("r-1", "exec-a")).isTrue();
        assertThat(store.locks().tryInsert("deploy", "qe", "r-2", "exec-b", 12, "host-b")).isTrue();
    }

    @Test
    void aStaleLockIsTakenOverByExactlyOneContender() throws Exception {
        store.locks().tryInsert("deploy", "qe", "r-1", "dead", 11, "host-a");
        RunLock stale = store.locks().find("deploy", "qe").orElseThrow();

        List<Boolean> wins = race(8, i -> store.locks().takeOver(stale, "r-" + (10 + i), "exec-" + i, 100 + i, "h"));
        assertThat(wins).containsOnlyOnce(true);
        RunLock now = store.locks().find("deploy", "qe").orElseThrow();
        assertThat(now.runId()).isNotEqualTo("r-1");
        assertThat(store.locks().takeOver(stale, "r-99", "late", 1, "h")).as("the stale row is gone").isFalse();
        assertThat(store.locks().heartbeat("r-1", "dead")).as("the old owner lost it").isFalse();
    }

    @Test
    void ofManyConcurrentRequestsForOneLockExactlyOneWins() throws Exception {
        List<Boolean> wins = race(8, i -> store.locks().tryInsert("deploy", "qe", "r-" + i, "exec-" + i, i, "h"));
        assertThat(wins).containsOnlyOnce(true);
    }

    interface Contender {
        boolean attempt(int i) throws Exception;
    }

    /** Starts {@code n} threads at once on a latch and collects what each got. */
    static List<Boolean> race(int n, Contender contender) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Boolean> task = () -> {
                    go.await();
                    return contender.attempt(index);
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> f : futures) results.add(f.get(60, TimeUnit.SECONDS));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void triggerStatesAreRememberedAndReplaced() {
        assertThat(store.triggerStates().load("trunk-moved")).isEmpty();
        store.triggerStates().save("trunk-moved", new io.inception.engine.scheduler.TriggerState("abc", null));
        store.triggerStates().save("trunk-moved", new io.inception.engine.scheduler.TriggerState("def", T0));
        store.triggerStates().save("nightly", io.inception.engine.scheduler.TriggerState.EMPTY);
        assertThat(store.triggerStates().load("trunk-moved"))
                .contains(new io.inception.engine.scheduler.TriggerState("def", T0));
        assertThat(store.triggerStates().load("nightly")).contains(io.inception.engine.scheduler.TriggerState.EMPTY);
    }

    @Test
    void rolloutHostsKeepEveryTransitionInPlanOrder() {
        var spec = io.inception.engine.rollout.RolloutSpec.of("qe", "b-1", "2.0-1", "deb http://r/ s main")
                .withHealthCommand("curl -fsS 'http://127.0.0.1:8774/'").withGates(List.of(
                        new io.inception.engine.rollout.WaveGate(0, java.time.Duration.ofMinutes(5), true)));
        var a = new io.inception.engine.fleet.HostTarget("c1-001", "c1", "127.0.1.1", 22);
        var b = new io.inception.engine.fleet.HostTarget("c2-002", "c2", "127.0.1.2", 2222);
        var pending = io.inception.engine.rollout.HostPhase.PENDING;
        store.rollouts().create("ro-1", spec, List.of(
                new io.inception.engine.rollout.HostRecord(a, 0, 0, pending, null, "", null, T0),
                new io.inception.engine.rollout.HostRecord(b, 1, 1, pending, null, "", null, T0)));
        var first = store.rollouts().hosts("ro-1").get(0);
        store.rollouts().update("ro-1", first.withPreviousVersion("1.0-1")
                .withPhase(io.inception.engine.rollout.HostPhase.UPGRADING, "", T0.plusSeconds(1)));
        store.rollouts().setStatus("ro-1", ExecutionStatus.FAILED, "budget spent");

        var hosts = store.rollouts().hosts("ro-1");
        assertThat(hosts).extracting(h -> h.host()).containsExactly(a, b);
        assertThat(hosts.get(0).phase()).isEqualTo(io.inception.engine.rollout.HostPhase.UPGRADING);
        assertThat(hosts.get(0).previousVersion()).isEqualTo("1.0-1");
        assertThat(hosts.get(0).startedAt()).isEqualTo(T0.plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(hosts.get(1).startedAt()).isNull();
        var rollout = store.rollouts().find("ro-1").orElseThrow();
        assertThat(rollout.spec()).isEqualTo(spec);
        assertThat(rollout.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(rollout.message()).isEqualTo("budget spent");
        assertThat(store.rollouts().list()).extracting(io.inception.engine.rollout.RolloutRecord::id).containsExactly("ro-1");
        assertThat(rollout.approved(0)).isFalse();
        store.rollouts().approveGate("ro-1", 1);
        store.rollouts().approveGate("ro-1", 0);
        var approved = store.rollouts().find("ro-1").orElseThrow();
        assertThat(approved.approved(0)).isTrue();
        assertThat(approved.approved(1)).as("approvals only grow").isTrue();
        assertThat(approved.approved(2)).isFalse();
    }

    @Test
    void reopeningKeepsTheDataAndDoesNotMigrateTwice() throws Exception {
        createRun("r-1", "deploy", T0, "a");
        String url = reopenableUrl();
        if (url == null) return;
        store.close();
        store = Store.open(url, null, null, clock);
        assertThat(store.runs().find("r-1")).isPresent();
    }

    /** The URL of the current test's database, to open it a second time. */
    protected abstract String reopenableUrl();

    @Test
    void environmentResourcesAreReplacedByKindAndChangesRecordedInOrder() {
        EnvironmentResources r = store.environmentResources();
        r.replace("qe", "server", List.of(
                EnvironmentResource.of("qe", "server", "qe-api-nova-api-1", "nova-api", "api", "10.0.0.5", Map.of("id", "u-1")),
                EnvironmentResource.of("qe", "server", "qe-c1-cell-db-1", "cell-db", "c1", "10.0.0.6", Map.of())));
        r.put(EnvironmentResource.of("qe", "cell", "c3", "", "c3", "", Map.of("added-by", "env add-cell")));
        r.replace("qe", "server", List.of(
                EnvironmentResource.of("qe", "server", "qe-api-nova-api-2", "nova-api", "api", "10.0.0.7", Map.of("id", "u-2"))));
        r.record("qe", "provision", "first");
        r.record("qe", "replace", "second");

        assertThat(r.list("qe", "server")).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("qe-api-nova-api-2");
            assertThat(s.address()).isEqualTo("10.0.0.7");
            assertThat(s.attributes()).containsEntry("id", "u-2");
        });
        assertThat(r.list("qe")).extracting(EnvironmentResource::kind).containsExactly("cell", "server");
        assertThat(r.list("staging")).isEmpty();
        assertThat(r.events("qe")).extracting(EnvironmentEvent::message).containsExactly("first", "second");
        r.remove("qe", "cell", "c3");
        assertThat(r.list("qe", "cell")).isEmpty();
    }
}
