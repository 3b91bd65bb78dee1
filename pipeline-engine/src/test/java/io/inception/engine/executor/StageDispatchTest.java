package io.inception.engine.executor;

import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.stage.StageResult;
import io.inception.engine.store.LogLine;
import io.inception.engine.store.RunLock;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.inception.engine.executor.Pipelines.pipeline;
import static io.inception.engine.executor.Pipelines.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stage dispatch: the local default executes a run whole where it started; a hand-off dispatch
 * queues each stage, leaves the run RUNNING with its lock between stages, and whichever executor
 * claims a stage ({@link Executor#executeClaimed}) runs it from its checkpoints and hands on the next.
 * The test plays the cluster: it claims the queued items of {@link QueuedStages} on executors it picks.
 */
class StageDispatchTest extends ExecutorTestBase {
    private static final PipelineDef PIPELINE = pipeline("deploy", stage("prepare", "prepare"),
            stage("work", "work"), stage("finish", "finish"));

    private final QueuedStages queue = new QueuedStages(Duration.ofMinutes(1));

    private Path effects() {
        return home.resolve("side-effects.txt");
    }

    private Executor node(StepStage work) {
        return executor(queue, new StepStage("prepare", effects(), 1, 0), work, new StepStage("finish", effects(), 1, 0));
    }

    private Executor node() {
        return node(new StepStage("work", effects(), 5, 0));
    }

    /** What the cluster's stage work does: execute the claim, and drop the item once the stage is done. */
    private StageTurn claim(Executor executor, String runId, int index) throws Exception {
        StageTurn turn = executor.executeClaimed(runId, index).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (turn instanceof StageTurn.HandedOn || turn instanceof StageTurn.RunEnded) queue.done(runId + "/" + index);
        return turn;
    }

    private static ExecutionStatus ended(StageTurn turn) {
        assertThat(turn).isInstanceOf(StageTurn.RunEnded.class);
        return ((StageTurn.RunEnded) turn).run().status();
    }

    @Test
    void theLocalDefaultExecutesEveryStageWhereTheRunStarted() throws Exception {
        assertThat(StageDispatch.local().handsOff()).isFalse();
        Executor single = executor(new StepStage("prepare", effects(), 1, 0), new StepStage("work", effects(), 2, 0),
                new StepStage("finish", effects(), 1, 0));

        assertThat(runToEnd(single, PIPELINE).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(StepStage.sideEffects(effects())).containsExactly("prepare 1", "work 1", "work 2", "finish 1");
    }

    @Test
    void eachStageIsExecutedByTheExecutorThatClaimsItAndTheRunKeepsItsLockBetweenStages() throws Exception {
        Executor a = node();
        Executor b = node();

        String id = a.start(PIPELINE, QE, RunOptions.defaults());

        assertThat(queue.items()).containsExactly(id + "/0");
        assertThat(status(id)).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(stageRun(id, "prepare").status()).isEqualTo(ExecutionStatus.NOT_STARTED);
        assertThat(a.activeRuns()).as("no thread of the starting executor is held").isEmpty();
        assertThat(store.locks().heldBy(id)).map(RunLock::pipeline).contains("deploy");
        assertThatThrownBy(() -> b.start(PIPELINE, QE, RunOptions.defaults()))
                .isInstanceOf(RunLockedException.class).hasMessageContaining("locked by run " + id);

        assertThat(claim(b, id, 0)).isEqualTo(new StageTurn.HandedOn(1));
        assertThat(queue.items()).containsExactly(id + "/1");
        assertThat(claim(a, id, 1)).isEqualTo(new StageTurn.HandedOn(2));
        assertThat(ended(claim(b, id, 2))).isEqualTo(ExecutionStatus.SUCCEEDED);

        assertThat(status(id)).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(queue.items()).isEmpty();
        assertThat(store.locks().heldBy(id)).as("released when the run ended").isEmpty();
        assertThat(StepStage.sideEffects(effects())).containsExactly(
                "prepare 1", "work 1", "work 2", "work 3", "work 4", "work 5", "finish 1");
    }

    @Test
    void theTicketOfAStageCarriesTheZoneStoredWithTheRun() throws Exception {
        PipelineDef zoned = pipeline("zoned", stage("prepare", "prepare").withZone("c1"), stage("finish", "finish"));
        Executor a = node();
        String id = a.start(zoned, QE, RunOptions.defaults());
        claim(a, id, 0);

        assertThat(queue.tickets).extracting(StageTicket::runId, StageTicket::pipeline, StageTicket::index,
                t -> t.stage().name(), t -> t.stage().zone()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(id, "zoned", 0, "prepare", "c1"),
                org.assertj.core.groups.Tuple.tuple(id, "zoned", 1, "finish", null));
        assertThat(store.runs().definition(id).orElseThrow().stages().get(0).zone()).isEqualTo("c1");
    }

    @Test
    void theLockOfARunWithAQueuedStageIsNotStaleWhenItsHolderIsGone() throws Exception {
        Executor starter = node();
        String id = starter.start(PIPELINE, QE, RunOptions.defaults());
        starter.close(); // its locks are stale at once to the other executors of this JVM

        Executor clusterNode = node();
        assertThatThrownBy(() -> clusterNode.start(PIPELINE, QE, RunOptions.defaults()))
                .isInstanceOf(RunLockedException.class).hasMessageContaining("locked by run " + id);
        assertThat(clusterNode.resumeInterrupted()).as("its stage is queued: the cluster continues it").isEmpty();
        assertThatThrownBy(() -> clusterNode.resume(id)).isInstanceOf(RunLockedException.class)
                .hasMessage("run " + id + " has a stage queued or claimed in the cluster; it continues on the node"
                        + " that claims it");

        queue.done(id + "/0"); // the queue lost the item: now nothing holds the run
        Executor later = node();
        assertThat(later.resumeInterrupted()).as("resuming an orphaned run queues its current stage").containsExactly(id);
        assertThat(queue.items()).containsExactly(id + "/0");
        assertThat(stageRun(id, "prepare").status()).isEqualTo(ExecutionStatus.NOT_STARTED);
    }

    @Test
    void aClaimedStageInterruptedOnOneNodeResumesFromItsCheckpointsOnAnother() throws Exception {
        StepStage hanging = new StepStage("work", effects(), 5, 3);
        Executor dying = node(hanging);
        Executor survivor = node();
        String id = dying.start(PIPELINE, QE, RunOptions.defaults());
        claim(survivor, id, 0);

        dying.executeClaimed(id, 1);
        assertThat(hanging.hanging.await(20, TimeUnit.SECONDS)).isTrue();
        dying.close(); // as a node killed while executing its claim: the item stays claimed by it
        assertThat(status(id)).isEqualTo(ExecutionStatus.RUNNING);

        assertThat(claim(survivor, id, 1)).isEqualTo(new StageTurn.HandedOn(2));
        assertThat(ended(claim(survivor, id, 2))).isEqualTo(ExecutionStatus.SUCCEEDED);

        assertThat(StepStage.sideEffects(effects())).containsExactly(
                "prepare 1", "work 1", "work 2", "work 3", "work 4", "work 5", "finish 1");
        assertThat(store.logs().list(id, "work")).extracting(LogLine::message)
                .contains("resumed after an interruption: attempt 1 continues with 1 checkpoint(s)");
    }

    @Test
    void aClaimedStageAlreadyCompleteOnlyHandsOnTheNextOne() throws Exception {
        TestStage prepare = TestStage.of("prepare", ctx -> StageResult.succeeded("prepared"));
        Executor a = executor(queue, prepare, new StepStage("work", effects(), 1, 0), new StepStage("finish", effects(), 1, 0));
        String id = a.start(PIPELINE, QE, RunOptions.defaults());
        assertThat(a.executeClaimed(id, 0).get(30, TimeUnit.SECONDS)).isEqualTo(new StageTurn.HandedOn(1));

        // the node died after storing stage 0 and queueing stage 1, before its claim of stage 0 was removed:
        // another node revives that claim
        Executor b = executor(queue, prepare, new StepStage("work", effects(), 1, 0), new StepStage("finish", effects(), 1, 0));
        assertThat(claim(b, id, 0)).isEqualTo(new StageTurn.HandedOn(1));

        assertThat(prepare.calls).hasValue(1);
        assertThat(queue.items()).containsExactly(id + "/1");
        assertThat(stageRun(id, "work").status()).isEqualTo(ExecutionStatus.NOT_STARTED);
    }

    @Test
    void aLongWaitOfAClaimedStageIsParkedAndContinuedByTheNextClaim() throws Exception {
        AtomicBoolean approved = new AtomicBoolean();
        TestStage approval = TestStage.of("approval", ctx -> approved.get() ? StageResult.succeeded("approved")
                : StageResult.running(Duration.ofMinutes(5), "waiting for approval"));
        TestStage polled = TestStage.of("polled", ctx -> ctx.checkpoints().get("polled").isPresent()
                ? StageResult.succeeded("polled")
                : put(ctx, "polled", StageResult.running(Duration.ofMillis(20), "short wait")));
        PipelineDef gated = pipeline("gated", stage("polled", "polled"), stage("approve", "approval"));
        Executor a = executor(queue, approval, polled);
        Executor b = executor(queue, approval, polled);
        String id = a.start(gated, QE, RunOptions.defaults());
        assertThat(claim(a, id, 0)).as("a short wait is polled in place").isEqualTo(new StageTurn.HandedOn(1));

        Instant before = Instant.now();
        StageTurn parked = claim(b, id, 1);

        assertThat(parked).isInstanceOf(StageTurn.Parked.class);
        StageTurn.Parked p = (StageTurn.Parked) parked;
        assertThat(p.index()).isEqualTo(1);
        assertThat(p.progress()).isEqualTo("waiting for approval");
        assertThat(p.checkAgainAt()).isAfterOrEqualTo(before.plus(Duration.ofMinutes(5)));
        assertThat(b.activeRuns()).as("no thread waits for the approval").isEmpty();
        assertThat(stageRun(id, "approve").status()).isEqualTo(ExecutionStatus.WAITING);
        assertThat(status(id)).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(queue.items()).containsExactly(id + "/1");

        approved.set(true);
        assertThat(ended(claim(a, id, 1))).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(approval.calls).hasValue(2);
        assertThat(store.logs().list(id, "approve")).extracting(LogLine::message)
                .noneMatch(m -> m.startsWith("resumed after an interruption"));
    }

    private static StageResult put(io.inception.engine.stage.StageContext ctx, String key, StageResult result) {
        ctx.checkpoints().put(key, "yes");
        return result;
    }

    @Test
    void aStageHandedBackFinishesTheCallInProgressAndIsContinuedFromItsCheckpoint() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StepStage steps = new StepStage("work", effects(), 4, 0);
        TestStage gatedWork = TestStage.of("work", ctx -> {
            StageResult result = steps.execute(ctx);
            if (ctx.checkpoints().get("step").equals(Optional.of("2"))) {
                inCall.countDown();
                release.await();
            }
            return result;
        });
        Executor a = executor(queue, new StepStage("prepare", effects(), 1, 0), gatedWork, new StepStage("finish", effects(), 1, 0));
        Executor b = node(new StepStage("work", effects(), 4, 0));
        String id = a.start(PIPELINE, QE, RunOptions.defaults());
        claim(a, id, 0);

        var turn = a.executeClaimed(id, 1);
        assertThat(inCall.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(a.handBack(id, "node stopping")).isTrue();
        assertThat(turn).as("the call in progress is not cut short").isNotDone();
        release.countDown();

        assertThat(turn.get(30, TimeUnit.SECONDS)).isEqualTo(new StageTurn.Abandoned("node stopping"));
        assertThat(status(id)).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(stageRun(id, "work").status()).isEqualTo(ExecutionStatus.WAITING);
        assertThat(stageRun(id, "work").message()).isEqualTo("step 2 of 4");

        assertThat(claim(b, id, 1)).isEqualTo(new StageTurn.HandedOn(2));
        assertThat(ended(claim(b, id, 2))).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(StepStage.sideEffects(effects())).containsExactly(
                "prepare 1", "work 1", "work 2", "work 3", "work 4", "finish 1");
    }

    @Test
    void aRunCancelledWhileItsStageIsQueuedEndsAtTheNextClaimWithoutCallingTheStage() throws Exception {
        TestStage prepare = TestStage.of("prepare", ctx -> StageResult.succeeded("prepared"));
        Executor a = executor(queue, prepare, new StepStage("work", effects(), 1, 0), new StepStage("finish", effects(), 1, 0));
        Executor b = executor(queue, prepare, new StepStage("work", effects(), 1, 0), new StepStage("finish", effects(), 1, 0));
        String id = a.start(PIPELINE, QE, RunOptions.defaults());

        assertThat(b.cancel(id)).isTrue();
        assertThat(ended(claim(b, id, 0))).isEqualTo(ExecutionStatus.CANCELED);

        assertThat(prepare.calls).hasValue(0);
        assertThat(status(id)).isEqualTo(ExecutionStatus.CANCELED);
        assertThat(store.locks().heldBy(id)).isEmpty();
        assertThat(queue.items()).isEmpty();
    }
}
