package io.inception.cluster.run;

import io.inception.cluster.Claim;
import io.inception.cluster.ClusterConfig;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.ClusterNode;
import io.inception.cluster.Eventually;
import io.inception.cluster.WorkQueue;
import io.inception.cluster.Zones;
import io.inception.engine.executor.Executor;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.executor.RunOptions;
import io.inception.engine.model.Environment;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.RetryPolicy;
import io.inception.engine.model.StageDef;
import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageResult;
import io.inception.engine.store.Store;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stages of pipeline runs as cluster work, with in-process nodes (each its own executor and
 * db-scheduler) on one H2 store: each stage claimed by a node of its zone, long waits parked, a
 * stopping node's stage handed back, orphaned runs queued again.
 */
class ClusterStagesTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Environment QE = new Environment("qe", "QE lab", "environments/qe.yaml@c0ffee");
    private static final Duration POLL = Duration.ofMillis(50);

    @TempDir
    Path home;
    private Store store;
    private DataSource dataSource;
    private WorkQueue queue;
    private final Queue<String> journal = new ConcurrentLinkedQueue<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final AtomicBoolean approved = new AtomicBoolean();
    private final AtomicInteger approvalCalls = new AtomicInteger();

    @BeforeEach
    void openStore() throws Exception {
        String url = "jdbc:h2:mem:stages-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        store = Store.open(url);
        dataSource = ClusterDatabase.dataSource(url);
        queue = new WorkQueue(dataSource, Clock.systemUTC());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
        store.close();
    }

    private static StageDef stage(String name, String type, String zone) {
        return new StageDef(name, type, Map.of(), null, RetryPolicy.NONE, "test", zone);
    }

    private static PipelineDef pipeline(String name, StageDef... stages) {
        return new PipelineDef(name, List.of(stages), "file:///environments", "c0ffee", "pipelines/" + name + ".yaml");
    }

    /** The stage types every node knows; each journals the node that executed it. */
    private List<Stage> stages(String node) {
        Stage approval = new Stage() {
            @Override
            public String type() {
                return "approval";
            }

            @Override
            public StageResult execute(io.inception.engine.stage.StageContext context) {
                approvalCalls.incrementAndGet();
                journal.add(node + " " + context.stage().name() + " check");
                return approved.get() ? StageResult.succeeded("approved")
                        : StageResult.running(Duration.ofHours(1), "waiting for approval");
            }
        };
        Stage watch = new Stage() {
            @Override
            public String type() {
                return "watch";
            }

            @Override
            public StageResult execute(io.inception.engine.stage.StageContext context) {
                journal.add(node + " " + context.stage().name() + " check");
                return approved.get() ? StageResult.succeeded("seen")
                        : StageResult.waiting(Duration.ofSeconds(1), "watching other nodes' work");
            }
        };
        return List.of(new StepsStage(node, "one", 1, POLL, journal::add), new StepsStage(node, "steps", 8, POLL, journal::add),
                new StepsStage(node, "slow", 30, Duration.ofMillis(100), journal::add), approval, watch);
    }

    private Executor executor(String node) {
        Executor executor = Executor.withStages(stages(node)).withIds(IdGenerator.sequential(node + "-"))
                .withLockHeartbeat(Duration.ofMillis(100), Duration.ofSeconds(3)).open(store, home.resolve(node));
        open.add(executor);
        return executor;
    }

    private record Node(Executor executor, ClusterNode cluster) {
    }

    private Node node(String id, String zones) {
        Executor executor = executor(id);
        ClusterStages stages = ClusterStages.install(executor, queue, Clock.systemUTC(), ClusterStages.PARK_WAITS_FROM);
        ClusterConfig config = ClusterConfig.of(id, Zones.parse(zones)).withHeartbeat(Duration.ofMillis(200), 4)
                .withPollInterval(Duration.ofMillis(100)).withThreads(4);
        ClusterNode cluster = ClusterNode.start(dataSource, config, List.of(stages.work()),
                List.of(stages.orphanSweep(Duration.ofMillis(300))), Clock.systemUTC());
        open.add(cluster);
        return new Node(executor, cluster);
    }

    private ExecutionStatus status(String runId) {
        return store.runs().find(runId).orElseThrow().status();
    }

    private void awaitStatus(String runId, ExecutionStatus status) {
        Eventually.await(() -> status(runId) == status, WAIT, "run " + runId + " " + status,
                () -> status(runId) + "; journal " + journal + "; queue " + queue.items());
    }

    private List<String> journalOf(String stageName) {
        return journal.stream().filter(l -> l.split(" ")[1].equals(stageName)).toList();
    }

    private static List<String> nodesOf(List<String> lines) {
        return lines.stream().map(l -> l.split(" ")[0]).distinct().toList();
    }

    @Test
    void eachStageOfARunIsClaimedByANodeOfItsZone() throws Exception {
        Node a = node("node-a", "c1");
        node("node-b", "c2");
        node("node-c", "");
        PipelineDef deploy = pipeline("deploy", stage("build", "steps", "c1"), stage("roll", "steps", "c2"),
                stage("report", "one", null));

        String id = a.executor().start(deploy, QE, RunOptions.defaults());
        awaitStatus(id, ExecutionStatus.SUCCEEDED);

        assertThat(nodesOf(journalOf("build"))).containsExactly("node-a");
        assertThat(nodesOf(journalOf("roll"))).containsExactly("node-b");
        assertThat(journalOf("report")).hasSize(1);
        assertThat(journalOf("build")).extracting(l -> l.split(" ")[2]).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(store.stages().list(id)).allMatch(s -> s.status() == ExecutionStatus.SUCCEEDED);
        Eventually.await(() -> queue.items().stream().noneMatch(c -> c.kind().equals(StageWork.KIND)), WAIT,
                "no stage item left queued", () -> queue.items().toString());
        assertThat(store.locks().heldBy(id)).isEmpty();
    }

    @Test
    void aZonedStageWaitsForANodeOfItsZoneAndNoOtherNodeTakesIt() throws Exception {
        Node x = node("node-x", "c2");
        PipelineDef zoned = pipeline("zoned", stage("prepare", "one", null), stage("roll-c1", "steps", "c1"));
        String id = x.executor().start(zoned, QE, RunOptions.defaults());
        Eventually.await(() -> queue.items().stream().anyMatch(c -> c.id().equals(id + "/1")), WAIT,
                "stage roll-c1 queued", () -> journal + " " + queue.items());
        // node-x keeps claiming: a zone-less run on another target goes through it meanwhile
        String other = x.executor().start(pipeline("other", stage("one", "one", null), stage("two", "one", null)), QE,
                RunOptions.defaults());
        awaitStatus(other, ExecutionStatus.SUCCEEDED);

        Claim waiting = queue.items().stream().filter(c -> c.id().equals(id + "/1")).findFirst().orElseThrow();
        assertThat(waiting.zone()).contains("c1");
        assertThat(waiting.claimedBy()).as("no node of zone c1 yet").isEmpty();
        assertThat(journalOf("roll-c1")).isEmpty();
        assertThat(status(id)).isEqualTo(ExecutionStatus.RUNNING);

        node("node-y", "c1");
        awaitStatus(id, ExecutionStatus.SUCCEEDED);
        assertThat(nodesOf(journalOf("roll-c1"))).containsExactly("node-y");
        assertThat(nodesOf(journalOf("prepare"))).containsExactly("node-x");
    }

    @Test
    void aLongWaitIsParkedInTheQueueAndContinuedByTheNextClaim() throws Exception {
        Node a = node("node-a", "");
        Node b = node("node-b", "");
        String id = a.executor().start(pipeline("gated", stage("approve", "approval", null), stage("after", "one", null)),
                QE, RunOptions.defaults());
        Instant started = Instant.now();

        Eventually.await(() -> queue.items().stream().anyMatch(c -> c.id().equals(id + "/0") && c.claimedBy().isEmpty()
                && c.due().isAfter(started.plus(Duration.ofMinutes(59)))), WAIT, "the approval parked for an hour",
                () -> queue.items().toString());
        assertThat(store.stages().find(id, "approve").orElseThrow().status()).isEqualTo(ExecutionStatus.WAITING);
        assertThat(a.executor().activeRuns()).isEmpty();
        assertThat(b.executor().activeRuns()).as("no node holds a thread for the wait").isEmpty();
        assertThat(approvalCalls).hasValue(1);

        approved.set(true);
        // an hour later
        Jdbi.create(dataSource).useHandle(h -> h.createUpdate("UPDATE scheduled_tasks SET execution_time = :now"
                + " WHERE task_instance = :id").bind("now", Timestamp.from(Instant.now())).bind("id", id + "/0").execute());

        awaitStatus(id, ExecutionStatus.SUCCEEDED);
        assertThat(approvalCalls).hasValue(2);
        assertThat(journalOf("after")).hasSize(1);
    }

    @Test
    void anIdleWaitIsParkedForAtLeastTheIdleParkingTimeHoldingNoThread() throws Exception {
        Node a = node("node-a", "");
        String id = a.executor().start(pipeline("watched", stage("watch", "watch", null), stage("after", "one", null)),
                QE, RunOptions.defaults());
        Instant started = Instant.now();

        Eventually.await(() -> queue.items().stream().anyMatch(c -> c.id().equals(id + "/0") && c.claimedBy().isEmpty()
                        && c.due().isAfter(started.plus(ClusterStages.PARK_IDLE_FOR).minusSeconds(1))), WAIT,
                "the 1 s idle wait parked for " + ClusterStages.PARK_IDLE_FOR, () -> queue.items().toString());
        assertThat(a.executor().activeRuns()).as("no thread held for an idle wait").isEmpty();
        assertThat(store.stages().find(id, "watch").orElseThrow().status()).isEqualTo(ExecutionStatus.WAITING);
        assertThat(journalOf("watch")).hasSize(1);

        approved.set(true);
        awaitStatus(id, ExecutionStatus.SUCCEEDED);
        assertThat(journalOf("watch")).as("checked once per parking, not every second").hasSizeBetween(2, 3);
        assertThat(journalOf("after")).hasSize(1);
    }

    @Test
    void aStoppingNodeHandsItsStageBackAndAnotherNodeFinishesItWithoutRepeatingASteps() throws Exception {
        Node a = node("node-a", "");
        String id = a.executor().start(pipeline("long", stage("work", "slow", null)), QE, RunOptions.defaults());
        Eventually.await(() -> journalOf("work").size() >= 3, WAIT, "node-a three steps into the stage", journal::toString);

        node("node-b", "");
        a.cluster().close();

        awaitStatus(id, ExecutionStatus.SUCCEEDED);
        List<String> work = journalOf("work");
        assertThat(work).extracting(l -> Integer.parseInt(l.split(" ")[2]))
                .as("every step once, in order").containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 30)
                        .boxed().toList());
        List<String> turns = new ArrayList<>();
        for (String line : work) {
            String node = line.split(" ")[0];
            if (turns.isEmpty() || !turns.get(turns.size() - 1).equals(node)) turns.add(node);
        }
        assertThat(turns).as("node-a until it stopped, then node-b to the end").containsExactly("node-a", "node-b");
    }

    @Test
    void aNodeKilledAfterStoringItsStageButBeforeQueueingTheNextLeavesAClaimThatHandsOnTheNext() throws Exception {
        Executor dead = executor("dead");
        ClusterStages.install(dead, queue, Clock.systemUTC(), ClusterStages.PARK_WAITS_FROM);
        String id = dead.start(pipeline("cut", stage("first", "one", null), stage("second", "steps", null)), QE,
                RunOptions.defaults());
        assertThat(dead.executeClaimed(id, 0).get()).isEqualTo(new io.inception.engine.executor.StageTurn.HandedOn(1));
        // as the node died: stage 0 stored, stage 1 never queued, its claim of stage 0 left with an old heartbeat
        Jdbi.create(dataSource).useHandle(h -> {
            h.createUpdate("DELETE FROM scheduled_tasks WHERE task_instance = :id").bind("id", id + "/1").execute();
            h.createUpdate("UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'dead-node', last_heartbeat = :old"
                            + " WHERE task_instance = :id")
                    .bind("id", id + "/0").bind("old", Timestamp.from(Instant.now().minusSeconds(3600))).execute();
        });
        dead.close();

        node("node-a", "");
        awaitStatus(id, ExecutionStatus.SUCCEEDED);

        assertThat(journalOf("first")).as("the stored stage is not executed again").containsExactly("dead first 1");
        assertThat(nodesOf(journalOf("second"))).containsExactly("node-a");
    }

    @Test
    void aRunLeftByAProcessThatIsNotANodeGetsItsCurrentStageQueuedBySweep() throws Exception {
        Executor plain = executor("plain");
        String id = plain.start(pipeline("orphan", stage("first", "one", null), stage("work", "slow", null)), QE,
                RunOptions.defaults());
        Eventually.await(() -> journalOf("work").size() >= 2, WAIT, "the plain process two steps into 'work'",
                journal::toString);
        plain.close(); // dies: its lock is stale at once for the other executors of this JVM
        int byPlain = journalOf("work").size();

        node("node-a", "");
        awaitStatus(id, ExecutionStatus.SUCCEEDED);

        List<String> work = journalOf("work");
        Map<String, List<String>> byNode = work.stream().collect(Collectors.groupingBy(l -> l.split(" ")[0]));
        assertThat(byNode.keySet()).containsExactlyInAnyOrder("plain", "node-a");
        assertThat(work.subList(byPlain, work.size())).allMatch(l -> l.startsWith("node-a "));
        assertThat(work).extracting(l -> l.split(" ")[2]).doesNotHaveDuplicates().hasSize(30);
    }
}
