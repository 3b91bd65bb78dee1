package io.inception.packaging.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.inception.engine.model.Build;
import io.inception.engine.model.Environment;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.StageDef;
import io.inception.engine.stage.ArtifactStore;
import io.inception.engine.stage.Cancellation;
import io.inception.engine.stage.CheckpointStore;
import io.inception.engine.stage.Parameters;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageLog;
import io.inception.engine.stage.StageResult;
import io.inception.engine.unittest.TestCounts;
import io.inception.engine.unittest.UnitTestOutcome;
import io.inception.engine.unittest.UnitTestReport;
import io.inception.engine.unittest.UnitTestStage;
import io.inception.packaging.testing.DebianHost;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code unit-test} stage through {@link DockerTestRunner} on a real git repository and a real
 * Docker daemon, driven the way the executor drives it (execute, then poll while it says Running).
 */
class UnitTestInContainerIT {
    private static final String RUN_SH = """
            set -e
            echo "unit tests in $(pwd) at $INCEPTION_SHA"
            mkdir -p test-reports
            cat > test-reports/TEST-nova.compute.xml <<XML
            <testsuite name="nova.compute" tests="4" failures="${FAILURES:-0}" errors="0" skipped="1"/>
            XML
            echo "4 tests run"
            exit ${FAILURES:-0}
            """;
    @TempDir
    static Path tmp;
    static DockerClient docker;
    static DockerTestRunner runner;
    static String sha;
    static Path repo;

    @BeforeAll
    static void setUp() throws Exception {
        String image = DebianHost.image(); // fails clearly without Docker
        docker = BuildRunners.connect(null).orElseThrow(() -> new AssertionError("Docker daemon does not answer"));
        runner = DockerTestRunner.of(docker, image);
        repo = tmp.resolve("nova");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(repo.resolve("tests"));
            Files.writeString(repo.resolve("tests/run.sh"), RUN_SH);
            git.add().addFilepattern(".").call();
            sha = git.commit().setMessage("tests").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                    .setSign(false).call().name();
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (docker != null) docker.close();
    }

    @AfterEach
    void noContainerLeft() {
        assertThat(labelled()).as("unit-test containers left behind").isEmpty();
    }

    static List<Container> labelled() {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerBuildRunner.LABEL, DockerTestRunner.ROLE)).exec();
    }

    private static Context context(String name, String command, Duration timeout) {
        Map<String, Object> params = Map.of("repo", repo.toString(), "sha", sha, "command", command,
                "junit", "test-reports/TEST-*.xml", "timeout", timeout.toSeconds());
        return new Context(new StageDef(name, UnitTestStage.TYPE, params, null, null, null), tmp.resolve("artifacts-" + name),
                new ConcurrentHashMap<>());
    }

    private static UnitTestStage stage(DockerTestRunner r) {
        return new UnitTestStage(tmp.resolve("work"), Clock.systemUTC(), Duration.ofMillis(200), r);
    }

    /** Polls like the executor until the stage stops saying Running. */
    private static StageResult drive(UnitTestStage stage, Context ctx) throws Exception {
        StageResult r = stage.execute(ctx);
        while (r instanceof StageResult.Running) {
            Thread.sleep(200);
            r = stage.execute(ctx);
        }
        return r;
    }

    private static UnitTestReport report(Context ctx) throws IOException {
        return UnitTestStage.report(ctx.checkpoints()).orElseThrow();
    }

    @Test
    void passingTestsAreCountedFromTheJUnitXmlCopiedOutOfTheContainer() throws Exception {
        Context ctx = context("pass", "sh tests/run.sh", Duration.ofMinutes(2));
        StageResult r = drive(stage(runner), ctx);

        assertThat(r).isInstanceOf(StageResult.Succeeded.class);
        UnitTestReport report = report(ctx);
        assertThat(report.runner()).isEqualTo("docker");
        assertThat(report.outcome()).isEqualTo(UnitTestOutcome.PASSED);
        assertThat(report.counts()).isEqualTo(new TestCounts(4, 3, 0, 0, 1));
        assertThat(report.reportFiles()).containsExactly("test-reports/TEST-nova.compute.xml");
        assertThat(report.logTail()).contains("unit tests in /work at " + sha, "4 tests run");
        assertThat(Path.of(report.logFile())).content().contains("4 tests run");
        assertThat(ctx.artifactDir.resolve("junit-test-reports_TEST-nova.compute.xml")).exists();
        assertThat(ctx.logLines).anyMatch(l -> l.contains("(docker, container "));
    }

    @Test
    void aFailingCommandFailsTheStageWithItsExitCodeAndCounts() throws Exception {
        Context ctx = context("fail", "FAILURES=2 sh tests/run.sh", Duration.ofMinutes(2));
        StageResult r = drive(stage(runner), ctx);

        assertThat(r).isInstanceOfSatisfying(StageResult.Failed.class,
                f -> assertThat(f.reason()).contains("failed with exit code 2", "4 tests, 1 passed, 2 failed"));
        UnitTestReport report = report(ctx);
        assertThat(report.runner()).isEqualTo("docker");
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.counts().failed()).isEqualTo(2);
    }

    @Test
    void theCheckoutIsReadOnlyInsideTheContainer() throws Exception {
        Context ctx = context("ro", "echo hacked > /src/tests/run.sh", Duration.ofMinutes(2));
        StageResult r = drive(stage(runner), ctx);

        assertThat(r).isInstanceOf(StageResult.Failed.class);
        UnitTestReport report = report(ctx);
        assertThat(report.outcome()).isEqualTo(UnitTestOutcome.FAILED);
        assertThat(report.logTail()).contains("Read-only file system");
        assertThat(report.counts()).isNull();
    }

    @Test
    void aTimeoutStopsAndRemovesTheContainer() throws Exception {
        Context ctx = context("slow", "echo started; sleep 300", Duration.ofSeconds(3));
        UnitTestStage stage = stage(runner);
        assertThat(stage.execute(ctx)).isInstanceOf(StageResult.Running.class);
        assertThat(labelled()).as("the container runs").hasSize(1);

        StageResult r = drive(stage, ctx);

        assertThat(r).isInstanceOfSatisfying(StageResult.Failed.class,
                f -> assertThat(f.reason()).contains("timed out and was killed"));
        assertThat(report(ctx).outcome()).isEqualTo(UnitTestOutcome.TIMED_OUT);
        assertThat(report(ctx).logTail()).contains("started");
        assertThat(labelled()).isEmpty();
    }

    @Test
    void aCancelledStageRemovesItsContainer() throws Exception {
        Context ctx = context("cancel", "sleep 300", Duration.ofMinutes(5));
        UnitTestStage stage = stage(runner);
        assertThat(stage.execute(ctx)).isInstanceOf(StageResult.Running.class);
        ctx.cancelled.set(true);

        assertThatThrownBy(() -> stage.execute(ctx)).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(report(ctx).outcome()).isEqualTo(UnitTestOutcome.CANCELLED);
        assertThat(labelled()).isEmpty();
    }

    @Test
    void aStageTheExecutorStopsPollingIsStillCleanedUp() throws Exception {
        // the executor's own stage timeout or a cancel: the run's cancellation is set, no further poll comes
        Context ctx = context("abandoned", "sleep 300", Duration.ofMinutes(5));
        assertThat(stage(runner).execute(ctx)).isInstanceOf(StageResult.Running.class);
        assertThat(labelled()).hasSize(1);
        ctx.cancelled.set(true);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!labelled().isEmpty() && System.nanoTime() < deadline) Thread.sleep(200);
        assertThat(labelled()).as("container removed without another poll").isEmpty();
    }

    @Test
    void afterAnOrchestratorRestartTheOldContainerIsRemovedAndTheTestsRunAgain() throws Exception {
        Context before = context("restart", "sleep 2; sh tests/run.sh", Duration.ofMinutes(2));
        assertThat(stage(runner).execute(before)).isInstanceOf(StageResult.Running.class);
        String oldContainer = labelled().get(0).getId();

        // a new orchestrator process: same checkpoints, a runner that did not start that container
        Context after = before.afterRestart();
        StageResult r = drive(stage(runner.asOwner("localhost/1")), after);

        assertThat(r).isInstanceOf(StageResult.Succeeded.class);
        assertThat(after.logLines).anyMatch(l -> l.contains("running the tests again from a fresh checkout"));
        assertThat(report(after).runner()).isEqualTo("docker");
        assertThat(labelled()).extracting(Container::getId).doesNotContain(oldContainer);
    }

    @Test
    void leftoversOfAStoppedOrchestratorAreRemovedAtStartUp() throws Exception {
        String host = DockerTestRunner.thisProcess().substring(0, DockerTestRunner.thisProcess().lastIndexOf('/'));
        long deadPid = new ProcessBuilder("true").start().onExit().get().pid();
        String id = docker.createContainerCmd(runner.image())
                .withLabels(Map.of(DockerBuildRunner.LABEL, DockerTestRunner.ROLE,
                        DockerTestRunner.OWNER_LABEL, host + "/" + deadPid,
                        DockerTestRunner.LAUNCH_LABEL, "r-crashed/unit-test/x"))
                .withCmd("sleep", "300").exec().getId();
        docker.startContainerCmd(id).exec();

        assertThat(runner.cleanupLeftovers()).containsExactly(id);
        assertThat(labelled()).isEmpty();
    }

    /** An in-memory stage context: checkpoints shareable across a simulated restart, artifacts in a folder. */
    static final class Context implements StageContext {
        final StageDef stage;
        final Path artifactDir;
        final Map<String, String> checkpoints;
        final AtomicBoolean cancelled = new AtomicBoolean();
        final List<String> logLines = Collections.synchronizedList(new ArrayList<>());

        Context(StageDef stage, Path artifactDir, Map<String, String> checkpoints) {
            this.stage = stage;
            this.artifactDir = artifactDir;
            this.checkpoints = checkpoints;
        }

        Context afterRestart() {
            return new Context(stage, artifactDir, checkpoints);
        }

        @Override public String runId() { return "r-" + stage.name(); }
        @Override public PipelineDef pipeline() { return new PipelineDef("test", List.of(stage), null, null, null); }
        @Override public StageDef stage() { return stage; }
        @Override public int attempt() { return 1; }
        @Override public Parameters params() { return new Parameters(stage.name(), stage.params()); }
        @Override public Optional<Build> build() { return Optional.empty(); }
        @Override public void bindBuild(Build b) { throw new UnsupportedOperationException(); }
        @Override public Environment environment() { return Environment.named("test"); }
        @Override public <T> Optional<T> output(String stageName, Class<T> type) { return Optional.empty(); }
        @Override public StageLog log() {
            return new StageLog() {
                @Override public void info(String m) { logLines.add("INFO " + m); }
                @Override public void warn(String m) { logLines.add("WARN " + m); }
                @Override public void error(String m) { logLines.add("ERROR " + m); }
            };
        }
        @Override public ArtifactStore artifacts() {
            return new ArtifactStore() {
                @Override public Path directory() throws IOException { return Files.createDirectories(artifactDir); }
                @Override public Path put(String name, Path file) throws IOException {
                    return Files.copy(file, directory().resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
                @Override public List<Path> list() { return List.of(); }
            };
        }
        @Override public CheckpointStore checkpoints() {
            return new CheckpointStore() {
                @Override public Optional<String> get(String key) { return Optional.ofNullable(checkpoints.get(key)); }
                @Override public void put(String key, String value) { checkpoints.put(key, value); }
                @Override public void remove(String key) { checkpoints.remove(key); }
                @Override public Map<String, String> all() { return Map.copyOf(checkpoints); }
            };
        }
        @Override public Cancellation cancellation() { return cancelled::get; }
    }
}
