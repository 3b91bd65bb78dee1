package io.inception.engine.executor;

import io.inception.engine.model.BranchHead;
import io.inception.engine.model.Build;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageRun;
import io.inception.engine.stage.StageResult;
import io.inception.engine.store.LogLine;
import io.inception.engine.store.RunDetails;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.inception.engine.executor.Pipelines.pipeline;
import static io.inception.engine.executor.Pipelines.stage;
import static io.inception.engine.executor.Pipelines.withRetry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ordering, outputs, polls, retries and failures, checked through what the store recorded. */
class ExecutorTest extends ExecutorTestBase {

    record Candidate(String sha, List<String> branches, Instant at) {
    }

    @Test
    void stagesRunInOrderAndLaterStagesReadEarlierOutputsParamsLogsArtifactsAndCheckpoints() throws Exception {
        Instant at = Instant.parse("2026-11-27T01:02:03Z");
        TestStage merge = TestStage.of("merge", ctx -> {
            ctx.log().info("merging " + ctx.params().list("branches").size() + " branches into " + ctx.environment().name());
            return StageResult.succeeded("merged 2 branches", new Candidate("f00d", List.of("perf", "fix"), at));
        });
        AtomicReference<Candidate> seen = new AtomicReference<>();
        TestStage test = TestStage.of("unit-test", ctx -> {
            seen.set(ctx.output("merge", Candidate.class).orElseThrow());
            Path report = Files.writeString(ctx.artifacts().directory().resolve("tmp.xml"), "<testsuite/>");
            ctx.artifacts().put("junit.xml", report);
            ctx.checkpoints().put("tests", "42");
            ctx.log().warn("1 test skipped");
            return StageResult.succeeded("42 tests passed");
        });
        Executor executor = executor(merge, test);

        Run run = runToEnd(executor, pipeline("trunk", stage("merge", "merge",
                Map.of("branches", List.of("perf", "fix"))), stage("tests", "unit-test")));

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.finishedAt()).isNotNull();
        assertThat(run.pipelineCommit()).isEqualTo("c0ffee");
        assertThat(seen.get()).isEqualTo(new Candidate("f00d", List.of("perf", "fix"), at));
        RunDetails details = store.details(run.id()).orElseThrow();
        assertThat(details.stages()).extracting(StageRun::name, StageRun::status, StageRun::attempt, StageRun::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("merge", ExecutionStatus.SUCCEEDED, 1, "merged 2 branches"),
                        org.assertj.core.groups.Tuple.tuple("tests", ExecutionStatus.SUCCEEDED, 1, "42 tests passed"));
        assertThat(details.stages()).allSatisfy(s -> assertThat(s.finishedAt()).isAfterOrEqualTo(s.startedAt()));
        assertThat(details.logs()).extracting(LogLine::stage, LogLine::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("merge", "merging 2 branches into qe"),
                org.assertj.core.groups.Tuple.tuple("tests", "1 test skipped"));
        Path stored = home.resolve("runs").resolve(run.id()).resolve("tests").resolve("junit.xml");
        assertThat(stored).hasContent("<testsuite/>");
        assertThat(details.artifacts()).singleElement().satisfies(a -> {
            assertThat(a.path()).isEqualTo(stored);
            assertThat(a.sizeBytes()).isEqualTo(12);
        });
        assertThat(store.checkpoints().get(run.id(), "tests", "tests")).contains("42");
        assertThat(merge.calls).hasValue(1);
        assertThat(test.calls).hasValue(1);
        assertThat(store.locks().heldBy(run.id())).as("lock released at the end").isEmpty();
    }

    @Test
    void aRunningResultIsPolledAgainUntilItSucceeds() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        TestStage boot = TestStage.of("boot", ctx -> polls.incrementAndGet() < 4
                ? StageResult.running(Duration.ofMillis(20), "VM booting (" + polls.get() + ")")
                : StageResult.succeeded("VM up"));
        Run run = runToEnd(executor(boot), pipeline("lab", stage("boot", "boot")));

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(boot.calls).hasValue(4);
        assertThat(stageRun(run.id(), "boot").attempt()).as("polls are not retries").isEqualTo(1);
        assertThat(stageRun(run.id(), "boot").message()).isEqualTo("VM up");
    }

    @Test
    void aTransientFailureIsRetriedUnderTheRetryPolicy() throws Exception {
        TestStage flaky = TestStage.of("flaky", ctx -> ctx.attempt() < 3
                ? StageResult.Failed.transientFailure("connection reset by mirror")
                : StageResult.succeeded("downloaded on attempt " + ctx.attempt()));
        Run run = runToEnd(executor(flaky), pipeline("p", withRetry(stage("fetch", "flaky"), 3)));

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(flaky.calls).hasValue(3);
        StageRun fetch = stageRun(run.id(), "fetch");
        assertThat(fetch.attempt()).isEqualTo(3);
        assertThat(fetch.message()).isEqualTo("downloaded on attempt 3");
        assertThat(store.logs().list(run.id(), "fetch")).extracting(LogLine::message)
                .anySatisfy(m -> assertThat(m).startsWith("attempt 1 of 3 failed: connection reset by mirror; retrying in"))
                .anySatisfy(m -> assertThat(m).startsWith("attempt 2 of 3 failed"));
    }

    @Test
    void aTransientFailureFailsTheRunOnceAttemptsAreUsedUpAndLaterStagesNeverRun() throws Exception {
        TestStage flaky = TestStage.of("flaky", ctx -> StageResult.Failed.transientFailure("mirror down"));
        TestStage next = TestStage.of("next", ctx -> StageResult.succeeded("never"));
        Run run = runToEnd(executor(flaky, next), pipeline("p", withRetry(stage("fetch", "flaky"), 2),
                stage("after", "next")));

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(flaky.calls).hasValue(2);
        assertThat(next.calls).hasValue(0);
        assertThat(stageRun(run.id(), "fetch").message()).isEqualTo("mirror down (gave up after 2 attempts)");
        assertThat(stageRun(run.id(), "after").status()).isEqualTo(ExecutionStatus.NOT_STARTED);
    }

    @Test
    void aPermanentFailureIsNotRetried() throws Exception {
        TestStage bad = TestStage.of("bad", ctx -> StageResult.Failed.permanent("branch 'perf' does not exist"));
        Run run = runToEnd(executor(bad), pipeline("p", withRetry(stage("merge", "bad"), 5)));

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(bad.calls).hasValue(1);
        assertThat(stageRun(run.id(), "merge").message()).isEqualTo("branch 'perf' does not exist");
    }

    @Test
    void unexpectedExceptionsAreClassifiedIoErrorsRetriedBugsNot() throws Exception {
        TestStage io = TestStage.of("io", ctx -> {
            if (ctx.attempt() == 1) throw new IOException("broken pipe");
            return StageResult.succeeded("ok");
        });
        TestStage bug = TestStage.of("bug", ctx -> {
            throw new IllegalStateException("index out of whack");
        });
        Executor executor = executor(io, bug);

        Run ok = runToEnd(executor, pipeline("p1", withRetry(stage("io", "io"), 2)));
        assertThat(ok.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(io.calls).hasValue(2);

        Run failed = runToEnd(executor, pipeline("p2", withRetry(stage("bug", "bug"), 3)));
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(bug.calls).hasValue(1);
        assertThat(stageRun(failed.id(), "bug").message()).isEqualTo("IllegalStateException: index out of whack");
    }

    @Test
    void stagesSeeTheRunAndStageInTheMdc() throws Exception {
        AtomicReference<String> mdc = new AtomicReference<>();
        TestStage s = TestStage.of("mdc", ctx -> {
            mdc.set(MDC.get("run") + "/" + MDC.get("stage"));
            return StageResult.succeeded("ok");
        });
        Run run = runToEnd(executor(s), pipeline("p", stage("check-mdc", "mdc")));
        assertThat(mdc.get()).isEqualTo(run.id() + "/check-mdc");
    }

    record Counts(int passed, int failed) {
    }

    @Test
    void aBuildBoundByOneStageIsStoredAndSeenByTheNext() throws Exception {
        Build build = new Build("b-7", new BranchHead("trunk", "https://git/nova", "master", "aaa", "MERGED"),
                List.of(new BranchHead("perf", "https://git/perf", "perf", "bbb", "MERGED")), "ccc",
                Instant.parse("2026-11-27T00:00:00Z"));
        TestStage merge = TestStage.of("merge", ctx -> {
            ctx.bindBuild(build);
            return StageResult.succeeded("merged");
        });
        AtomicReference<Build> seen = new AtomicReference<>();
        TestStage test = TestStage.of("test", ctx -> {
            seen.set(ctx.build().orElseThrow());
            return StageResult.succeeded("tested", new Counts(12, 0));
        });
        Run run = runToEnd(executor(merge, test), pipeline("p", stage("merge", "merge"), stage("test", "test")));

        assertThat(run.buildId()).isEqualTo("b-7");
        assertThat(seen.get()).isEqualTo(build);
        assertThat(store.builds().find("b-7")).contains(build);
        // what a stage made of the build is a fact of the build, under the stage's name
        assertThat(store.builds().fact("b-7", "test", Counts.class)).contains(new Counts(12, 0));
        assertThat(store.builds().facts("b-7")).doesNotContainKey("merge");
    }

    @Test
    void aPipelineWithAnUnknownStageTypeIsRefusedBeforeAnythingRuns() {
        Executor executor = executor(TestStage.of("known", ctx -> StageResult.succeeded("ok")));
        assertThatThrownBy(() -> executor.start(pipeline("p", stage("deploy", "puppet")), QE, RunOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stage 'deploy': no stage implementation for type 'puppet'");
        assertThat(store.runs().list()).isEmpty();
    }

    @Test
    void anOutputThatCannotBeStoredFailsTheStageWithAClearMessage() throws Exception {
        Object unserializable = new Object() {
            public Object getSelf() {
                return this;
            }
        };
        TestStage s = TestStage.of("s", ctx -> StageResult.succeeded("done", unserializable));
        Run run = runToEnd(executor(s), pipeline("p", stage("s", "s")));
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(stageRun(run.id(), "s").message()).startsWith("output of stage 's' cannot be stored");
    }

    @Test
    void runsAreListedNewestFirst() throws Exception {
        Executor executor = executor(TestStage.of("ok", ctx -> StageResult.succeeded("ok")),
                TestStage.of("no", ctx -> StageResult.Failed.permanent("no")));
        Run first = runToEnd(executor, pipeline("a", stage("s", "ok")));
        Run second = runToEnd(executor, pipeline("b", stage("s", "no")));
        assertThat(store.runs().list()).extracting(Run::id, Run::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(second.id(), ExecutionStatus.FAILED),
                org.assertj.core.groups.Tuple.tuple(first.id(), ExecutionStatus.SUCCEEDED));
    }
}
