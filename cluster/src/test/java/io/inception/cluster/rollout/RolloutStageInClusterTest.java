package io.inception.cluster.rollout;

import io.inception.cluster.CellRegions;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.Eventually;
import io.inception.cluster.WorkQueue;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.executor.Executor;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.executor.RunOptions;
import io.inception.engine.model.Environment;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.RetryPolicy;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageDef;
import io.inception.engine.rollout.Drains;
import io.inception.engine.rollout.HostPhase;
import io.inception.engine.rollout.HostRecord;
import io.inception.engine.rollout.InMemoryDrain;
import io.inception.engine.rollout.RolloutEngine;
import io.inception.engine.rollout.RolloutRecord;
import io.inception.engine.rollout.RolloutStage;
import io.inception.engine.rollout.RolloutSummary;
import io.inception.engine.rollout.RolloutTargets;
import io.inception.engine.store.EngineJson;
import io.inception.engine.store.Store;
import io.inception.sandbox.ssh.HostFault;
import io.inception.sandbox.ssh.SandboxHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline's {@code rollout} stage on a cluster node: the real executor runs the stage with the
 * queued driver over two sandbox cells, and in-process nodes bound to the cells' zones upgrade them.
 */
class RolloutStageInClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private SandboxCells cells;
    private Store store;
    private DataSource ds;
    private WaveNodes nodes;

    @BeforeEach
    void open() {
        String url = "jdbc:h2:mem:stage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        cells = new SandboxCells(dir, 8, 2);
        store = Store.open(url);
        ds = ClusterDatabase.dataSource(url);
        nodes = new WaveNodes(ds, store, cells);
    }

    @AfterEach
    void close() {
        nodes.close();
        store.close();
        cells.close();
    }

    /** qe: cell c1 (hosts c1-001..004) in region dfw, c2 (c2-005..008) in none; waves 1, 2, rest. */
    private EnvironmentFile environment(String extraWaveOptions) {
        return cells.environment(Map.of("c1", "dfw"), """
                waves:
                  - {name: canary, size: 1%s}
                  - {name: two, size: 2}
                  - {name: rest, size: rest}
                failure-budget: {max-failed: 1}
                """.formatted(extraWaveOptions));
    }

    private Executor executor(EnvironmentFile file) {
        WorkQueue queue = new WorkQueue(ds, Clock.systemUTC());
        QueuedRolloutDriver driver = new QueuedRolloutDriver(store.rollouts(), queue, new CellRegions(ds), Clock.systemUTC(),
                IdGenerator.sequential("st-"), Duration.ofMillis(100));
        RolloutStage stage = new RolloutStage(store.rollouts(),
                env -> new RolloutTargets.Fleet(cells.hosts, cells.settings, Optional.of(file)),
                Drains.always(new InMemoryDrain()), Optional.empty(), driver);
        return Executor.withStages(stage).open(store, dir.resolve("home"));
    }

    private static PipelineDef pipeline() {
        return new PipelineDef("deploy", List.of(new StageDef("roll", "rollout",
                Map.of("version", "2.0-1", "apt-source", SandboxCells.SOURCE, "max-parallel", 2L), null, RetryPolicy.NONE,
                "test")), "file:///environments", "c0ffee", "pipelines/deploy.yaml");
    }

    private String start(Executor executor) throws Exception {
        return executor.start(pipeline(), Environment.named("qe"), RunOptions.defaults());
    }

    /** Starts a node for each cell, runs the pipeline to its end and checks how it ended; the run's id. */
    private String runWithCellNodes(ExecutionStatus expected) throws Exception {
        nodes.start("node-c1", "c1");
        nodes.start("node-c2", "c2");
        try (Executor executor = executor(environment(""))) {
            String runId = start(executor);
            Run run = executor.awaitCompletion(runId, WAIT);
            assertThat(run.status()).isEqualTo(expected);
            return runId;
        }
    }

    private Map<String, String> cellRollouts(String runId) {
        Map<String, String> all = store.checkpoints().all(runId, "roll");
        return Map.of("c1", all.get("rollout-id@c1"), "c2", all.get("rollout-id@c2"));
    }

    private void assertEveryHostUpgradedOnce() {
        for (SandboxHost h : cells.sandbox.hosts()) {
            assertThat(h.state().installCount("nova-compute")).as("%s upgraded exactly once", h.name()).isEqualTo(1);
            assertThat(h.state().version("nova-compute")).contains("2.0-1");
        }
    }

    @Test
    void theStagePlansOneRolloutPerCellAndNodesOfEachZoneRunItsWaves() throws Exception {
        nodes.start("node-ord", "ord");
        String runId = runWithCellNodes(ExecutionStatus.SUCCEEDED);
        Map<String, String> byCell = cellRollouts(runId);
        assertThat(store.rollouts().list()).extracting(RolloutRecord::id)
                .as("one rollout per cell, nothing else planned").containsExactlyInAnyOrderElementsOf(byCell.values());
        RolloutSummary output = EngineJson.read(store.stages().outputJson(runId, "roll").orElseThrow(), RolloutSummary.class);
        assertThat(output.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(output.hosts()).isEqualTo(8);
        assertThat(output.count(HostPhase.DONE)).isEqualTo(8);
        assertThat(output.rolloutIds()).containsExactly(byCell.get("c1"), byCell.get("c2"));
        assertThat(output.cells()).extracting(RolloutSummary::status).containsOnly(ExecutionStatus.SUCCEEDED);
        assertThat(store.stages().find(runId, "roll").orElseThrow().message())
                .isEqualTo("SUCCEEDED 8 hosts: 8 done, 0 rolled back, 0 failed, 0 in flight, 0 pending in 2 cells");
        for (String cell : List.of("c1", "c2")) {
            String id = byCell.get(cell);
            assertThat(store.rollouts().hosts(id)).extracting(h -> h.host().cell()).containsOnly(cell);
            assertThat(store.rollouts().hosts(id)).extracting(HostRecord::wave).containsExactly(0, 1, 1, 2);
            assertThat(nodes.of(id)).as("cell %s's waves, each once, on the node of its zone, for run %s", cell, runId)
                    .containsExactly("node-" + cell + " " + id + " wave 0 run " + runId,
                            "node-" + cell + " " + id + " wave 1 run " + runId,
                            "node-" + cell + " " + id + " wave 2 run " + runId);
        }
        assertThat(nodes.journal).noneMatch(l -> l.startsWith("node-ord "));
        assertEveryHostUpgradedOnce();
    }

    @Test
    void aFailedCellFailsTheStageAndTheOtherCellIsRolledOutWithItsOwnBudget() throws Exception {
        cells.inCell("c2").forEach(h -> h.state().inject(HostFault.INSTALL_FAILS));
        String runId = runWithCellNodes(ExecutionStatus.FAILED);
        Map<String, String> byCell = cellRollouts(runId);
        assertThat(store.rollouts().find(byCell.get("c1")).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(store.rollouts().find(byCell.get("c2")).orElseThrow().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(store.stages().find(runId, "roll").orElseThrow().message()).isEqualTo("rollout " + byCell.get("c1")
                + "+" + byCell.get("c2") + ": FAILED 8 hosts: 4 done, 1 rolled back, 0 failed, 0 in flight, 3 pending"
                + " (cell c2 rollout " + byCell.get("c2") + " FAILED: failure budget spent: 1 of 4 hosts failed by wave 1)"
                + " in 2 cells");
        for (SandboxHost h : cells.inCell("c1")) assertThat(h.state().version("nova-compute")).contains("2.0-1");
    }

    @Test
    void aResumedStageNeverPlansAgain() throws Exception {
        String runId;
        try (Executor first = executor(environment(""))) {
            runId = start(first);
            Eventually.await(() -> store.checkpoints().get(runId, "roll", "queued").isPresent(), WAIT,
                    "both cells planned and queued", () -> store.checkpoints().all(runId, "roll").toString());
        } // the executor is gone: the run stays RUNNING with its checkpoints, no node has run a wave yet
        assertThat(store.runs().find(runId).orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);
        Map<String, String> byCell = cellRollouts(runId);

        nodes.start("node-c1", "c1");
        nodes.start("node-c2", "c2");
        try (Executor second = executor(environment(""))) {
            second.resume(runId);
            Run run = second.awaitCompletion(runId, WAIT);
            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }
        assertThat(store.rollouts().list()).extracting(RolloutRecord::id).as("the resumed stage planned nothing new")
                .containsExactlyInAnyOrderElementsOf(byCell.values());
        assertThat(cellRollouts(runId)).isEqualTo(byCell);
        assertEveryHostUpgradedOnce();
    }

    @Test
    void cancellingTheRunCancelsTheCellsRolloutsAndEachCellsGateIsApprovedOnItsOwn() throws Exception {
        nodes.start("node-c1", "c1");
        nodes.start("node-c2", "c2");
        try (Executor executor = executor(environment(", gate: manual"))) {
            String runId = start(executor);
            Eventually.await(() -> store.checkpoints().get(runId, "roll", "queued").isPresent() && cellRollouts(runId)
                            .values().stream().allMatch(id -> status(id) == ExecutionStatus.WAITING), WAIT,
                    "both cells at their manual gate", () -> store.rollouts().list().toString());
            Map<String, String> byCell = cellRollouts(runId);
            String c1Waiting = "c1 " + byCell.get("c1") + ": WAITING 4 hosts: 1 done";
            String c2Waiting = "waiting for approval after wave 1: inception rollout approve " + byCell.get("c2");
            Eventually.await(() -> stageMessage(runId).contains(c1Waiting) && stageMessage(runId).contains(c2Waiting), WAIT,
                    "the stage's progress showing each cell's gate", () -> stageMessage(runId));

            RolloutEngine gates = new RolloutEngine(store.rollouts(), null, new InMemoryDrain(), Clock.systemUTC(),
                    IdGenerator.sequential("g-"));
            assertThat(gates.approve(byCell.get("c1"))).isTrue();
            Eventually.await(() -> status(byCell.get("c1")) == ExecutionStatus.SUCCEEDED, WAIT, "c1 rolled out past its gate",
                    () -> store.rollouts().list().toString());
            assertThat(status(byCell.get("c2"))).as("c2 still at its own gate").isEqualTo(ExecutionStatus.WAITING);

            assertThat(executor.cancel(runId)).isTrue();
            assertThat(executor.awaitCompletion(runId, WAIT).status()).isEqualTo(ExecutionStatus.CANCELED);
            Eventually.await(() -> status(byCell.get("c2")) == ExecutionStatus.CANCELED, WAIT, "c2's rollout cancelled",
                    () -> store.rollouts().find(byCell.get("c2")).toString());
            assertThat(store.rollouts().find(byCell.get("c2")).orElseThrow().message()).isEqualTo("cancelled: run " + runId + " ended");
            assertThat(store.rollouts().hosts(byCell.get("c2"))).extracting(HostRecord::phase)
                    .containsExactly(HostPhase.DONE, HostPhase.PENDING, HostPhase.PENDING, HostPhase.PENDING);
            Eventually.await(() -> new WorkQueue(ds, Clock.systemUTC()).items().isEmpty(), WAIT, "no wave left queued",
                    () -> new WorkQueue(ds, Clock.systemUTC()).items().toString());
        }
    }

    private String stageMessage(String runId) {
        return store.stages().find(runId, "roll").orElseThrow().message();
    }

    private ExecutionStatus status(String rolloutId) {
        return store.rollouts().find(rolloutId).orElseThrow().status();
    }
}
