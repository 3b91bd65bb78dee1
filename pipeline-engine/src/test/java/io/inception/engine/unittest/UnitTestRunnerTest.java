package io.inception.engine.unittest;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitTestRunnerTest {
    @TempDir
    Path tmp;
    private TestRepository repo;
    private Path work;
    private final UnitTestRunner runner = UnitTestRunner.create();

    @BeforeEach
    void setUp() throws Exception {
        repo = new TestRepository(tmp.resolve("repo"));
        work = tmp.resolve("work");
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    private UnitTestRequest request(String sha, String command) {
        return new UnitTestRequest(repo.dir.toString(), sha, command, UnitTestRequest.DEFAULT_JUNIT_GLOB,
                Duration.ofMinutes(2), work);
    }

    @Test
    void aPassingCommandIsReportedWithItsJUnitCountsFromAFreshCheckoutAtTheSha() throws Exception {
        RevCommit tested = repo.commit("passing tests", "VERSION", "v1", "run-tests.sh", TestRepository.PASSING);
        repo.commit("later work breaks the tests", "VERSION", "v2", "run-tests.sh", TestRepository.FAILING);
        Files.writeString(repo.dir.resolve("untracked.txt"), "not committed");

        UnitTestReport report = runner.run(request(tested.name(), "bash run-tests.sh && test ! -e untracked.txt"));

        assertThat(report.outcome()).isEqualTo(UnitTestOutcome.PASSED);
        assertThat(report.exitCode()).isZero();
        assertThat(report.sha()).isEqualTo(tested.name());
        assertThat(report.counts()).isEqualTo(new TestCounts(3, 2, 0, 0, 1));
        assertThat(report.reportFiles()).containsExactly("target/surefire-reports/TEST-io.example.CalcTest.xml");
        assertThat(report.runner()).isEqualTo("local-process");
        assertThat(report.logTail()).contains("tests passed at v1");
        assertThat(Files.readString(Path.of(report.logFile()))).contains("tests passed at v1");
        assertThat(report.duration().isNegative()).isFalse();
        assertThat(report.summary()).contains("`bash run-tests.sh", "passed (exit 0)", "3 tests, 2 passed, 0 failed, 0 errors, 1 skipped");
        Path runDir = Path.of(report.logFile()).getParent();
        assertThat(runDir.getParent()).isEqualTo(work);
        assertThat(runDir.resolve("checkout")).as("checkout removed after the run").doesNotExist();
        assertThat(runDir.resolve("reports/target/surefire-reports/TEST-io.example.CalcTest.xml")).exists();
    }

    @Test
    void eachRunGetsItsOwnFreshCheckout() throws Exception {
        RevCommit c = repo.commit("tests", "VERSION", "v1",
                "run-tests.sh", "test ! -e leftover || exit 3; touch leftover; echo ok");
        assertThat(runner.run(request(c.name(), "bash run-tests.sh")).outcome()).isEqualTo(UnitTestOutcome.PASSED);
        assertThat(runner.run(request(c.name(), "bash run-tests.sh")).outcome()).isEqualTo(UnitTestOutcome.PASSED);
    }

    @Test
    void aFailingCommandIsAReportWithItsExitCodeAndCounts() throws Exception {
        RevCommit c = repo.commit("broken", "VERSION", "v1", "run-tests.sh", TestRepository.FAILING);

        UnitTestReport report = runner.run(request(c.name(), "bash run-tests.sh"));

        assertThat(report.outcome()).isEqualTo(UnitTestOutcome.FAILED);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.counts()).isEqualTo(new TestCounts(5, 3, 1, 1, 0));
        assertThat(report.logTail()).contains("FAILED test_calc.py::test_div"); // stderr is captured too
        assertThat(report.summary()).contains("`bash run-tests.sh` failed with exit code 1", "5 tests, 3 passed, 1 failed, 1 errors");
    }

    @Test
    void aMissingCommandIsReportedAsNotFound() throws Exception {
        RevCommit c = repo.commit("no script", "VERSION", "v1");

        UnitTestReport report = runner.run(request(c.name(), "no-such-test-runner --all"));

        assertThat(report.outcome()).isEqualTo(UnitTestOutcome.COMMAND_NOT_FOUND);
        assertThat(report.exitCode()).isEqualTo(127);
        assertThat(report.counts()).as("no JUnit XML written").isNull();
        assertThat(report.logTail()).contains("no-such-test-runner").contains("not found");
    }

    @Test
    void aTimeoutKillsTheWholeProcessTree() throws Exception {
        Path childPid = tmp.resolve("child.pid");
        RevCommit c = repo.commit("hangs", "VERSION", "v1", "run-tests.sh",
                "sleep 300 &\necho $! > \"$1\"\necho started\nwait\n");

        UnitTestReport report = runner.run(request(c.name(), "bash run-tests.sh " + childPid)
                .withTimeout(Duration.ofSeconds(2)));

        assertThat(report.outcome()).isEqualTo(UnitTestOutcome.TIMED_OUT);
        assertThat(report.exitCode()).isNull();
        assertThat(report.summary()).contains("timed out and was killed");
        long pid = Long.parseLong(Files.readString(childPid).trim());
        assertThat(TestRepository.gone(pid)).as("the background child (pid %d) was killed", pid).isTrue();
    }

    @Test
    void cancellationKillsTheProcessTree() throws Exception {
        Path childPid = tmp.resolve("child.pid");
        RevCommit c = repo.commit("hangs", "VERSION", "v1", "run-tests.sh",
                "sleep 300 &\necho $! > \"$1\"\nwait\n");
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread canceller = new Thread(() -> {
            try {
                TestRepository.await("child pid file", Duration.ofSeconds(30),
                        () -> Files.exists(childPid) ? java.util.Optional.of(true) : java.util.Optional.empty());
            } catch (InterruptedException ignored) {
                return;
            }
            cancelled.set(true);
        });
        canceller.start();

        UnitTestReport report = runner.run(request(c.name(), "bash run-tests.sh " + childPid), cancelled::get);

        assertThat(report.outcome()).isEqualTo(UnitTestOutcome.CANCELLED);
        assertThat(TestRepository.gone(Long.parseLong(Files.readString(childPid).trim()))).isTrue();
    }

    @Test
    void findsACandidateOnARefOutsideTheBranches() throws Exception {
        repo.commit("base", "VERSION", "v1", "run-tests.sh", TestRepository.PASSING);
        RevCommit candidate = repo.commit("candidate", "VERSION", "candidate-7");
        repo.git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef("HEAD~1").call();
        repo.setRef("refs/inception/builds/b-7", candidate);

        UnitTestReport report = runner.run(request(candidate.name(), "bash run-tests.sh"));

        assertThat(report.outcome()).isEqualTo(UnitTestOutcome.PASSED);
        assertThat(report.logTail()).contains("tests passed at candidate-7");
    }

    @Test
    void anUnknownCommitOrRepositoryIsASetupErrorWithoutThePassword() throws Exception {
        repo.commit("base", "VERSION", "v1");
        assertThatThrownBy(() -> runner.run(request("0123456789abcdef0123456789abcdef01234567", "true")))
                .isInstanceOf(UnitTestSetupException.class)
                .hasMessageContaining("commit 0123456789abcdef0123456789abcdef01234567 not found")
                .satisfies(e -> assertThat(((UnitTestSetupException) e).isTransient()).isFalse());

        UnitTestRequest unreachable = new UnitTestRequest("https://ci:hunter2-pw@127.0.0.1:1/nova.git",
                "0123456789abcdef0123456789abcdef01234567", "true", null, Duration.ofMinutes(1), work);
        assertThatThrownBy(() -> runner.run(unreachable))
                .isInstanceOf(UnitTestSetupException.class)
                .hasMessageContaining("https://ci:***@127.0.0.1:1/nova.git")
                .hasMessageNotContaining("hunter2-pw");
        assertThat(unreachable.toString()).doesNotContain("hunter2-pw");
    }

    @Test
    void hostileJUnitXmlIsRejectedAndNeverReadsLocalFiles() throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        String evil = "<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<testsuite name=\"&xxe;\" tests=\"100\" failures=\"0\" errors=\"0\" skipped=\"0\"/>\n";
        RevCommit c = repo.commit("evil", "VERSION", "v1", "run-tests.sh", TestRepository.PASSING,
                "evil/TEST-evil.xml", evil);

        UnitTestReport report = runner.run(request(c.name(), "bash run-tests.sh"));

        assertThat(report.counts()).as("only the genuine report counts").isEqualTo(new TestCounts(3, 2, 0, 0, 1));
        assertThat(report.rejectedReports()).singleElement().asString().startsWith("evil/TEST-evil.xml: ")
                .contains("DOCTYPE");
        assertThat(report.toString()).doesNotContain("TOP-SECRET-42");
    }
}
