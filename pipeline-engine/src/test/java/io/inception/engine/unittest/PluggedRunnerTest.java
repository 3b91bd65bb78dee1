package io.inception.engine.unittest;

import io.inception.engine.model.BranchHead;
import io.inception.engine.model.Build;
import io.inception.engine.model.StageDef;
import io.inception.engine.stage.StageResult;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.inception.engine.unittest.TestStageContext.runToEnd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stage with another {@link TestCommandRunner}: a fake with a container runner's contract (it follows
 * only what this orchestrator process started, and cleans up the rest on re-attach).
 */
class PluggedRunnerTest {
    @TempDir
    Path tmp;
    private TestRepository repo;

    @BeforeEach
    void setUp() throws Exception {
        repo = new TestRepository(tmp.resolve("repo"));
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    /** Local processes under another name, forgotten on "restart" (a new instance). */
    static final class ForgetfulRunner implements TestCommandRunner {
        private final LocalProcessRunner local = new LocalProcessRunner();
        private final Set<String> mine = ConcurrentHashMap.newKeySet();
        int cleanedUp;

        @Override
        public String name() {
            return "fake-container";
        }

        @Override
        public TestExecution start(TestLaunch launch) throws IOException {
            TestExecution e = local.start(launch);
            mine.add(e.checkpoint().get(LocalProcessRunner.PID));
            return e;
        }

        @Override
        public Optional<TestExecution> reattach(TestLaunch launch, Map<String, String> checkpoint) {
            Optional<TestExecution> e = local.reattach(launch, checkpoint);
            if (mine.contains(checkpoint.get(LocalProcessRunner.PID))) return e;
            e.ifPresent(x -> x.kill(Duration.ofSeconds(1)));
            cleanedUp++;
            return Optional.empty();
        }
    }

    @Test
    void theReportNamesThePluggedRunnerAndARunnerThatCannotReattachRunsTheTestsAgain() throws Exception {
        RevCommit candidate = repo.commit("candidate", "VERSION", "v1", "run-tests.sh", TestRepository.PASSING);
        Path runs = tmp.resolve("runs.txt");
        BranchHead trunk = new BranchHead("trunk", repo.dir.toString(), "master", candidate.name(), "MERGED");
        TestStageContext before = new TestStageContext("run-1", new StageDef("unit-tests", "unit-test",
                Map.of("command", "echo run >> " + runs + "; sleep 1; bash run-tests.sh"), null, null, null),
                new Build("b-1", trunk, List.of(), candidate.name(), Instant.parse("2026-11-27T00:00:00Z")),
                tmp.resolve("artifacts"));
        Path work = tmp.resolve("work");
        assertThat(new UnitTestStage(work, Clock.systemUTC(), Duration.ofMillis(50), new ForgetfulRunner()).execute(before))
                .isInstanceOf(StageResult.Running.class);

        TestRepository.await("the first command started", Duration.ofSeconds(30),
                () -> Files.exists(runs) ? java.util.Optional.of(true) : java.util.Optional.empty());

        ForgetfulRunner restarted = new ForgetfulRunner();
        TestStageContext after = before.afterRestart();
        StageResult r = runToEnd(new UnitTestStage(work, Clock.systemUTC(), Duration.ofMillis(50), restarted), after);

        assertThat(r).isInstanceOf(StageResult.Succeeded.class);
        assertThat(UnitTestStage.report(after.checkpoints())).get().extracting(UnitTestReport::runner)
                .isEqualTo("fake-container");
        assertThat(restarted.cleanedUp).isEqualTo(1);
        assertThat(after.logLines).anyMatch(l -> l.contains("running the tests again from a fresh checkout"));
        assertThat(Files.readAllLines(runs)).as("started twice: before and after the restart").hasSize(2);
    }
}
