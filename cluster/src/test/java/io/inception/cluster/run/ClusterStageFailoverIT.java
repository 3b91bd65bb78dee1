package io.inception.cluster.run;

import io.inception.cluster.ChildJvm;
import io.inception.cluster.Claim;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.Eventually;
import io.inception.cluster.WorkQueue;
import io.inception.engine.executor.Executor;
import io.inception.engine.executor.RunOptions;
import io.inception.engine.model.Environment;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.RetryPolicy;
import io.inception.engine.model.StageDef;
import io.inception.engine.store.LocalPostgres;
import io.inception.engine.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three nodes as separate JVMs on one PostgreSQL execute the stages of a run. The node executing the
 * checkpointing stage is killed with SIGKILL; after the heartbeat timeout another node claims the
 * stage and continues it from its last checkpoint — no step before that checkpoint is done again —
 * and the run ends SUCCEEDED.
 */
class ClusterStageFailoverIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int STEPS = 40;

    @TempDir
    Path dir;

    private static StageDef stage(String name, String type) {
        return new StageDef(name, type, Map.of(), null, RetryPolicy.NONE, "test");
    }

    @Test
    void anotherNodeFinishesTheStageOfAKilledNodeFromItsLastCheckpoint() throws Exception {
        String url = LocalPostgres.shared().newDatabase("cluster_stages");
        Path journal = dir.resolve("journal.txt");
        Files.createFile(journal);
        Map<String, ChildJvm> nodes = new LinkedHashMap<>();
        try (Store store = Store.open(url);
             Executor starter = Executor.withStages(StageNodeMain.stages("starter", journal)).open(store, dir.resolve("starter"))) {
            for (String node : List.of("node-a", "node-b", "node-c")) {
                nodes.put(node, ChildJvm.start(node, StageNodeMain.class, dir.resolve(node + ".log"), url, node, "",
                        journal.toString(), dir.resolve(node).toString()));
            }
            WorkQueue queue = new WorkQueue(ClusterDatabase.dataSource(url), Clock.systemUTC());
            ClusterStages.install(starter, queue, Clock.systemUTC(), ClusterStages.PARK_WAITS_FROM);
            PipelineDef pipeline = new PipelineDef("deploy", List.of(stage("prepare", "one"),
                    stage("work", "checkpointing"), stage("finish", "one")), "file:///environments", "c0ffee",
                    "pipelines/deploy.yaml");
            String id = starter.start(pipeline, new Environment("qe", "QE", "environments/qe.yaml@c0ffee"),
                    RunOptions.defaults());

            Eventually.await(() -> lines(journal, "work").size() >= 5, WAIT, "five steps of 'work' done",
                    () -> tails(nodes));
            Claim claim = queue.items().stream().filter(c -> c.id().equals(id + "/1")).findFirst().orElseThrow();
            String victim = claim.claimedBy().orElseThrow(() -> new AssertionError("'work' not claimed: " + claim));
            ChildJvm killed = nodes.get(victim);
            killed.process().destroyForcibly();
            assertThat(killed.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(killed.process().exitValue()).as("killed by SIGKILL").isEqualTo(137);
            int lastCheckpoint = Integer.parseInt(store.checkpoints().get(id, "work", "step").orElseThrow());
            int linesAtKill = lines(journal, "work").size();
            long killedAt = System.nanoTime();
            Eventually.await(() -> lines(journal, "work").size() > linesAtKill, WAIT, "the next step after the kill",
                    () -> tails(nodes));
            // a figure for docs/benchmarks.md, not a check
            System.out.println("stage failover: kill -9 -> next step on another node after "
                    + Duration.ofNanos(System.nanoTime() - killedAt).toMillis() + " ms (heartbeat 500 ms x 4)");

            Eventually.await(() -> store.runs().find(id).orElseThrow().status().isComplete(), WAIT, "the run complete",
                    () -> tails(nodes));

            assertThat(store.runs().find(id).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(store.stages().list(id)).allMatch(s -> s.status() == ExecutionStatus.SUCCEEDED);
            List<String> work = lines(journal, "work");
            Map<Integer, Long> timesDone = work.stream().collect(Collectors.groupingBy(l -> Integer.parseInt(l.split(" ")[2]),
                    Collectors.counting()));
            assertThat(timesDone.keySet()).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, STEPS).boxed().toList());
            for (int step = 1; step <= lastCheckpoint; step++) {
                assertThat(timesDone.get(step)).as("step %d (checkpointed before the kill) done once", step).isEqualTo(1);
            }
            assertThat(work.subList(0, linesAtKill)).allMatch(l -> l.startsWith(victim + " "));
            assertThat(work.subList(linesAtKill, work.size())).as("the rest done by a surviving node")
                    .isNotEmpty().noneMatch(l -> l.startsWith(victim + " "));
            Eventually.await(() -> queue.items().stream().noneMatch(c -> c.kind().equals(StageWork.KIND)), WAIT,
                    "no stage item left", () -> queue.items().toString());
        } finally {
            for (ChildJvm n : nodes.values()) {
                n.process().destroyForcibly();
                n.process().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static List<String> lines(Path journal, String stage) {
        try {
            return Files.readAllLines(journal).stream().filter(l -> l.split(" ").length == 3 && l.split(" ")[1].equals(stage))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String tails(Map<String, ChildJvm> nodes) {
        return nodes.values().stream().map(ChildJvm::tail).collect(Collectors.joining("\n"));
    }
}
