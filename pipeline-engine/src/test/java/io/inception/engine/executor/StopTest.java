package io.inception.engine.executor;

import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageRun;
import io.inception.engine.stage.StageResult;
import io.inception.engine.wait.WaitStrategy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.inception.engine.executor.Pipelines.pipeline;
import static io.inception.engine.executor.Pipelines.stage;
import static io.inception.engine.executor.Pipelines.withTimeout;
import static org.assertj.core.api.Assertions.assertThat;

/** Timeouts and cancel: the run stops, the stage is told, nothing after it runs. */
class StopTest extends ExecutorTestBase {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final AtomicBoolean sawCancellation = new AtomicBoolean();

    /** A stage that blocks until interrupted, then reports whether it saw the cancellation. */
    private TestStage blocking() {
        return TestStage.of("block", ctx -> {
            entered.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                sawCancellation.set(ctx.cancellation().isCancelled());
                throw e;
            }
            return StageResult.succeeded("unreachable");
        });
    }

    private final TestStage after = TestStage.of("after", ctx -> StageResult.succeeded("after"));

    @Test
    void aStageThatBlocksPastItsTimeoutIsTimedOutAndInterrupted() throws Exception {
        Executor executor = executor(blocking(), after);
        Run run = runToEnd(executor, pipeline("p", withTimeout(stage("slow", "block"), Duration.ofMillis(300)),
                stage("after", "after")));

        assertThat(run.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(stageRun(run.id(), "slow").status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(stageRun(run.id(), "slow").message()).isEqualTo("stage 'slow' timed out after 0 s");
        assertThat(stageRun(run.id(), "after").status()).isEqualTo(ExecutionStatus.NOT_STARTED);
        assertThat(after.calls).hasValue(0);
        assertThat(sawCancellation).isTrue();
    }

    @Test
    void aStageThatKeepsPollingPastItsTimeoutIsTimedOut() throws Exception {
        TestStage forever = TestStage.of("forever", ctx -> StageResult.running(Duration.ofMillis(20), "still booting"));
        Run run = runToEnd(executor(forever), pipeline("p", withTimeout(stage("boot", "forever"), Duration.ofMillis(400))));

        assertThat(run.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(forever.calls.get()).isGreaterThan(1);
        int callsAtEnd = forever.calls.get();
        // no poll is scheduled any more: a completed stage never runs again
        Run again = executor(forever).awaitCompletion(run.id(), Duration.ofMillis(300));
        assertThat(again.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(forever.calls.get()).isEqualTo(callsAtEnd);
    }

    @Test
    void theExecutorsDefaultTimeoutAppliesToStagesWithoutOne() throws Exception {
        Executor executor = Executor.withStages(blocking())
                .withDefaultStageTimeout(Duration.ofMillis(300)).open(store, home);
        try {
            Run run = runToEnd(executor, pipeline("p", stage("slow", "block")));
            assertThat(run.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        } finally {
            executor.close();
        }
    }

    @Test
    void cancelStopsTheRunningStageAndTheRun() throws Exception {
        Executor executor = executor(blocking(), after);
        String id = executor.start(pipeline("p", stage("slow", "block"), stage("after", "after")), QE,
                RunOptions.defaults());
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

        assertThat(executor.cancel(id)).isTrue();
        Run run = executor.awaitCompletion(id, WAIT);

        assertThat(run.status()).isEqualTo(ExecutionStatus.CANCELED);
        assertThat(stageRun(id, "slow").status()).isEqualTo(ExecutionStatus.CANCELED);
        assertThat(stageRun(id, "slow").message()).isEqualTo("canceled: requested");
        assertThat(after.calls).hasValue(0);
        assertThat(sawCancellation).isTrue();
        assertThat(executor.cancel(id)).as("already complete").isFalse();
        assertThat(store.locks().heldBy(id)).isEmpty();
    }

    @Test
    void cancelStopsAStageWaitingForItsNextPoll() throws Exception {
        TestStage waiting = TestStage.of("wait", ctx -> StageResult.running(Duration.ofMinutes(10),
                "waiting for approval"));
        Executor executor = executor(waiting);
        String id = executor.start(pipeline("p", stage("approve", "wait")), QE, RunOptions.defaults());
        // poll the store until the stage has been called once and waits for its next poll
        StageRun approve = WaitStrategy.of(Duration.ofSeconds(20), Duration.ofMillis(20)).poll("stage 'approve' WAITING",
                        () -> Optional.of(stageRun(id, "approve")).filter(s -> s.status() == ExecutionStatus.WAITING))
                .orElseThrow(AssertionError::new);
        assertThat(approve.message()).isEqualTo("waiting for approval");

        assertThat(executor.cancel(id)).isTrue();
        Run done = executor.awaitCompletion(id, WAIT);
        assertThat(done.status()).isEqualTo(ExecutionStatus.CANCELED);
        assertThat(waiting.calls).hasValue(1);
    }

    @Test
    void aCancelRequestedFromAnotherProcessIsHonouredAtTheNextHeartbeat() throws Exception {
        Executor runner = executor(blocking());
        String id = runner.start(pipeline("p", stage("slow", "block")), QE, RunOptions.defaults());
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

        Executor other = executor(blocking());
        assertThat(other.cancel(id)).isTrue();

        assertThat(runner.awaitCompletion(id, WAIT).status()).isEqualTo(ExecutionStatus.CANCELED);
        assertThat(stageRun(id, "slow").message()).isEqualTo("canceled: requested through the store");
    }
}
