package io.inception.engine.executor;

import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.Run;
import io.inception.engine.store.LogLine;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.inception.engine.executor.Pipelines.pipeline;
import static io.inception.engine.executor.Pipelines.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Resume within one JVM: the first executor is closed while a stage hangs (its threads die, the run
 * stays RUNNING), a second executor resumes it. {@link ResumeAfterKillIT} does the same across a
 * real {@code kill -9}.
 */
class ResumeTest extends ExecutorTestBase {
    private static final PipelineDef PIPELINE = pipeline("deploy", stage("prepare", "prepare"),
            stage("work", "work"), stage("finish", "finish"));

    private Path effects() {
        return home.resolve("side-effects.txt");
    }

    private Executor hangingExecutor(StepStage work) {
        return executor(new StepStage("prepare", effects(), 1, 0), work, new StepStage("finish", effects(), 1, 0));
    }

    private Executor healthyExecutor() {
        return executor(new StepStage("prepare", effects(), 1, 0), new StepStage("work", effects(), 5, 0),
                new StepStage("finish", effects(), 1, 0));
    }

    private String startAndInterrupt() throws Exception {
        StepStage work = new StepStage("work", effects(), 5, 3);
        Executor first = hangingExecutor(work);
        String id = first.start(PIPELINE, QE, RunOptions.defaults());
        assertThat(work.hanging.await(20, TimeUnit.SECONDS)).isTrue();
        first.close();
        assertThat(status(id)).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(stageRun(id, "prepare").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(stageRun(id, "work").status()).isEqualTo(ExecutionStatus.RUNNING);
        return id;
    }

    @Test
    void aResumedRunSkipsFinishedStagesAndContinuesTheInterruptedOneFromItsCheckpoint() throws Exception {
        String id = startAndInterrupt();

        Executor second = healthyExecutor();
        assertThat(second.resume(id)).isEqualTo(id);
        Run run = second.awaitCompletion(id, WAIT);

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(StepStage.sideEffects(effects())).containsExactly(
                "prepare 1", "work 1", "work 2", "work 3", "work 4", "work 5", "finish 1");
        assertThat(store.logs().list(id, "work")).extracting(LogLine::message)
                .contains("resumed after an interruption: attempt 1 continues with 1 checkpoint(s)");
        assertThat(stageRun(id, "work").attempt()).isEqualTo(1);
    }

    @Test
    void resumeInterruptedResumesEveryOrphanedRunButNotOnesALiveExecutorHolds() throws Exception {
        String orphan = startAndInterrupt();
        StepStage hanging = new StepStage("work", home.resolve("other.txt"), 5, 2);
        Executor live = executor(new StepStage("prepare", home.resolve("other.txt"), 1, 0), hanging,
                new StepStage("finish", home.resolve("other.txt"), 1, 0));
        String held = live.start(PIPELINE, QE, RunOptions.defaults().withTarget("staging"));
        assertThat(hanging.hanging.await(20, TimeUnit.SECONDS)).isTrue();

        Executor restarted = healthyExecutor();
        assertThat(restarted.resumeInterrupted()).containsExactly(orphan);

        assertThat(restarted.awaitCompletion(orphan, WAIT).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(status(held)).isEqualTo(ExecutionStatus.RUNNING);
        assertThatThrownBy(() -> restarted.resume(held))
                .isInstanceOf(RunLockedException.class)
                .hasMessageContaining("run " + held + " is still being executed by pid " + ProcessHandle.current().pid());
        assertThat(live.cancel(held)).isTrue();
    }

    @Test
    void aCompleteOrUnknownRunCannotBeResumed() throws Exception {
        Executor executor = healthyExecutor();
        Run done = runToEnd(executor, PIPELINE);
        assertThatThrownBy(() -> executor.resume(done.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("run " + done.id() + " is already SUCCEEDED; nothing to resume");
        assertThatThrownBy(() -> executor.resume("r-missing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no run 'r-missing'");
        assertThat(StepStage.sideEffects(effects())).hasSize(7);
    }
}
