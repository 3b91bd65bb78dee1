package io.inception.engine.unittest;

import io.inception.engine.model.BranchHead;
import io.inception.engine.model.Build;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.StageDef;
import io.inception.engine.stage.StageResult;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import static io.inception.engine.unittest.TestStageContext.runToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitTestStageTest {
    @TempDir
    Path tmp;
    private TestRepository repo;
    private Path runs;

    @BeforeEach
    void setUp() throws Exception {
        repo = new TestRepository(tmp.resolve("repo"));
        runs = tmp.resolve("runs.txt");
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    private UnitTestStage stage() {
        return new UnitTestStage(tmp.resolve("work"), java.time.Clock.systemUTC(), Duration.ofMillis(100));
    }

    private Build build(String candidateSha) {
        BranchHead trunk = new BranchHead("trunk", repo.dir.toString(), "master", candidateSha, "MERGED");
        return new Build("b-1", trunk, List.of(), candidateSha, Instant.parse("2026-11-27T00:00:00Z"));
    }

    private TestStageContext context(Map<String, Object> params, Build build) {
        return new TestStageContext("run-1", new StageDef("unit-tests", "unit-test", params, null, null, null),
                build, tmp.resolve("artifacts"));
    }

    private long runCount() throws Exception {
        return Files.exists(runs) ? Files.readAllLines(runs).size() : 0;
    }

    @Test
    void testsTheBoundBuildsCandidateAsynchronouslyAndStoresTheReport() throws Exception {
        RevCommit candidate = repo.commit("candidate", "VERSION", "v1", "run-tests.sh", TestRepository.PASSING);
        TestStageContext ctx = context(Map.of("command", "echo run >> " + runs + "; sleep 0.3; bash run-tests.sh"),
                build(candidate.name()));
        UnitTestStage stage = stage();

        StageResult first = stage.execute(ctx);
        assertThat(first).as("execute returns while the command runs").isInstanceOf(StageResult.Running.class);
        assertThat(ctx.checkpointValues).containsKeys(UnitTestStage.RUN_DIR, UnitTestStage.PID, UnitTestStage.STARTED_AT);

        StageResult result = runToEnd(stage, ctx);

        assertThat(result).isInstanceOfSatisfying(StageResult.Succeeded.class, s -> {
            UnitTestReport report = (UnitTestReport) s.output();
            assertThat(report.sha()).isEqualTo(candidate.name());
            assertThat(report.counts()).isEqualTo(new TestCounts(3, 2, 0, 0, 1));
            assertThat(report.logFile()).isEqualTo(tmp.resolve("artifacts/unit-test.log").toString());
            assertThat(s.summary()).contains("passed (exit 0)");
        });
        assertThat(tmp.resolve("artifacts/unit-test.log")).content().contains("tests passed at v1");
        assertThat(tmp.resolve("artifacts/junit-target_surefire-reports_TEST-io.example.CalcTest.xml")).exists();
        assertThat(UnitTestStage.report(ctx.checkpoints())).get().extracting(UnitTestReport::outcome)
                .isEqualTo(UnitTestOutcome.PASSED);
        assertThat(tmp.resolve("work/run-1/unit-tests")).isEmptyDirectory();

        assertThat(stage.execute(ctx)).as("a finished stage answers from its checkpoint")
                .isInstanceOf(StageResult.Succeeded.class);
        assertThat(runCount()).isEqualTo(1);
    }

    @Test
    void aFailingCommandIsAPermanentFailureNamingCommandExitCodeAndCounts() throws Exception {
        RevCommit candidate = repo.commit("broken", "VERSION", "v1", "run-tests.sh", TestRepository.FAILING);
        TestStageContext ctx = context(Map.of("command", "bash run-tests.sh", "junit", "build/*.xml"),
                build(candidate.name()));

        StageResult result = runToEnd(stage(), ctx);

        assertThat(result).isInstanceOfSatisfying(StageResult.Failed.class, f -> {
            assertThat(f.transientFailure()).isFalse();
            assertThat(f.reason()).contains("`bash run-tests.sh` failed with exit code 1")
                    .contains("5 tests, 3 passed, 1 failed, 1 errors, 0 skipped");
        });
        assertThat(UnitTestStage.report(ctx.checkpoints())).get().satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.logTail()).contains("FAILED test_calc.py::test_div");
        });
    }

    @Test
    void aMissingCommandIsPermanent() throws Exception {
        RevCommit candidate = repo.commit("base", "VERSION", "v1");
        StageResult result = runToEnd(stage(), context(Map.of("command", "./gradlew test"), build(candidate.name())));
        assertThat(result).isInstanceOfSatisfying(StageResult.Failed.class, f -> {
            assertThat(f.transientFailure()).isFalse();
            assertThat(f.reason()).contains("`./gradlew test`", "exit code 127", "command not found", "branches.yaml");
        });
    }

    @Test
    void parametersWinOverTheBuildAndMissingInputIsExplained() throws Exception {
        RevCommit old = repo.commit("old", "VERSION", "old", "run-tests.sh", TestRepository.PASSING);
        RevCommit candidate = repo.commit("new", "VERSION", "new");
        TestStageContext explicit = context(Map.of("command", "bash run-tests.sh", "repo", repo.dir.toUri().toString(),
                "sha", old.name(), "timeout", "2m"), build(candidate.name()));
        assertThat(runToEnd(stage(), explicit)).isInstanceOfSatisfying(StageResult.Succeeded.class,
                s -> assertThat(((UnitTestReport) s.output()).logTail()).contains("tests passed at old"));

        assertThat(stage().execute(context(Map.of("command", "true"), null)))
                .isInstanceOfSatisfying(StageResult.Failed.class, f -> assertThat(f.reason()).contains("'repo'"));
        assertThat(stage().execute(context(Map.of("command", "true", "repo", "/x"), null)))
                .isInstanceOfSatisfying(StageResult.Failed.class, f -> assertThat(f.reason()).contains("'sha'", "merged candidate"));
        assertThat(stage().execute(context(Map.of("repo", "/x", "sha", "abc"), null)))
                .isInstanceOfSatisfying(StageResult.Failed.class, f -> assertThat(f.reason()).contains("no 'command' parameter", "environments/branches.yaml"));
        assertThat(stage().execute(context(Map.of("command", "true", "timeout", "soon"), build(candidate.name()))))
                .isInstanceOfSatisfying(StageResult.Failed.class, f -> assertThat(f.reason()).contains("'timeout'"));
    }

    @Test
    void theCommandComesFromTheBranchListAtThePipelinesCommit() throws Exception {
        RevCommit candidate = repo.commit("candidate", "VERSION", "v1", "run-tests.sh", TestRepository.PASSING);
        try (TestRepository config = new TestRepository(tmp.resolve("config"))) {
            RevCommit pinned = config.commit("config", "environments/branches.yaml", """
                    trunk: /srv/nova.git#master
                    branches: []
                    test:
                      command: bash run-tests.sh
                      timeout: 2m
                    """);
            // the branch list moves on after the pipeline was read: the run still uses the pinned commit
            config.commit("later", "environments/branches.yaml", """
                    trunk: /srv/nova.git#master
                    branches: []
                    test:
                      command: exit 3
                    """);
            TestStageContext context = context(Map.of(), build(candidate.name()));
            context.pipeline = new PipelineDef("trunk-to-qe", List.of(context.stage), config.dir.toString(),
                    pinned.name(), "environments/pipelines/trunk-to-qe.yaml");
            assertThat(runToEnd(stage(), context)).isInstanceOfSatisfying(StageResult.Succeeded.class, s -> {
                UnitTestReport report = (UnitTestReport) s.output();
                assertThat(report.command()).isEqualTo("bash run-tests.sh");
                assertThat(report.logTail()).contains("tests passed");
            });
        }
    }

    @Test
    void anUnknownCandidateIsAPermanentFailure() throws Exception {
        repo.commit("base", "VERSION", "v1");
        StageResult result = stage().execute(context(Map.of("command", "true"),
                build("0123456789abcdef0123456789abcdef01234567")));
        assertThat(result).isInstanceOfSatisfying(StageResult.Failed.class, f -> {
            assertThat(f.transientFailure()).isFalse();
            assertThat(f.reason()).contains("commit 0123456789abcdef0123456789abcdef01234567 not found");
        });
    }

    @Test
    void afterARestartTheStageReattachesToTheRunningProcessInsteadOfRerunning() throws Exception {
        Path go = tmp.resolve("go");
        RevCommit candidate = repo.commit("candidate", "VERSION", "v1", "run-tests.sh", TestRepository.PASSING);
        String command = "echo run >> " + runs + "; while [ ! -e " + go + " ]; do sleep 0.1; done; bash run-tests.sh";
        TestStageContext before = context(Map.of("command", command), build(candidate.name()));
        assertThat(stage().execute(before)).isInstanceOf(StageResult.Running.class);

        // the orchestrator "restarts": a new stage object, a new context over the same checkpoints
        TestStageContext after = before.afterRestart();
        UnitTestStage restarted = stage();
        assertThat(restarted.execute(after)).isInstanceOf(StageResult.Running.class);
        Files.createFile(go);
        StageResult result = runToEnd(restarted, after);

        assertThat(result).isInstanceOf(StageResult.Succeeded.class);
        assertThat(runCount()).as("the tests ran once").isEqualTo(1);
    }

    @Test
    void whenTheProcessDiedWithoutAnExitCodeTheTestsRunAgainFromScratch() throws Exception {
        Path marker = tmp.resolve("first-attempt");
        RevCommit candidate = repo.commit("candidate", "VERSION", "v1", "run-tests.sh", TestRepository.PASSING);
        String command = "echo run >> " + runs + "; if [ ! -e " + marker + " ]; then touch " + marker
                + "; sleep 300; fi; bash run-tests.sh";
        TestStageContext before = context(Map.of("command", command), build(candidate.name()));
        assertThat(stage().execute(before)).isInstanceOf(StageResult.Running.class);
        TestRepository.await("first attempt started", Duration.ofSeconds(30),
                () -> Files.exists(marker) ? Optional.of(true) : Optional.empty());
        // the machine "reboots": the test process dies without writing its exit code
        // (SIGKILL, wrapper first, so it cannot write an exit code the way a SIGTERM would let it)
        long pid = Long.parseLong(before.checkpointValues.get(UnitTestStage.PID));
        ProcessHandle wrapper = ProcessHandle.of(pid).orElseThrow();
        java.util.List<ProcessHandle> children = wrapper.descendants().toList();
        wrapper.destroyForcibly();
        wrapper.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        children.forEach(ProcessHandle::destroyForcibly);

        TestStageContext after = before.afterRestart();
        StageResult result = runToEnd(stage(), after);

        assertThat(result).isInstanceOf(StageResult.Succeeded.class);
        assertThat(runCount()).as("run again from scratch").isEqualTo(2);
        assertThat(after.logLines).anySatisfy(l -> assertThat(l).startsWith("WARN").contains("running the tests again"));
    }

    @Test
    void aTimeoutKillsTheTreeAndFails() throws Exception {
        Path childPid = tmp.resolve("child.pid");
        RevCommit candidate = repo.commit("hangs", "VERSION", "v1", "run-tests.sh",
                "sleep 300 &\necho $! > \"$1\"\nwait\n");
        TestStageContext ctx = context(Map.of("command", "bash run-tests.sh " + childPid, "timeout", 1L),
                build(candidate.name()));

        StageResult result = runToEnd(stage(), ctx);

        assertThat(result).isInstanceOfSatisfying(StageResult.Failed.class, f ->
                assertThat(f.reason()).contains("timed out and was killed", "raise the stage's 'timeout'"));
        assertThat(TestRepository.gone(Long.parseLong(Files.readString(childPid).trim()))).isTrue();
    }

    @Test
    void cancellationKillsTheTreeAndThrows() throws Exception {
        Path childPid = tmp.resolve("child.pid");
        RevCommit candidate = repo.commit("hangs", "VERSION", "v1", "run-tests.sh",
                "sleep 300 &\necho $! > \"$1\"\nwait\n");
        TestStageContext ctx = context(Map.of("command", "bash run-tests.sh " + childPid), build(candidate.name()));
        UnitTestStage stage = stage();
        assertThat(stage.execute(ctx)).isInstanceOf(StageResult.Running.class);
        TestRepository.await("child started", Duration.ofSeconds(30),
                () -> Files.exists(childPid) ? Optional.of(true) : Optional.empty());

        ctx.cancelled.set(true);

        assertThatThrownBy(() -> stage.execute(ctx)).isInstanceOf(CancellationException.class);
        assertThat(TestRepository.gone(Long.parseLong(Files.readString(childPid).trim()))).isTrue();
        assertThat(UnitTestStage.report(ctx.checkpoints())).get().extracting(UnitTestReport::outcome)
                .isEqualTo(UnitTestOutcome.CANCELLED);
    }
}
