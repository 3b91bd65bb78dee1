package io.inception.packaging.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.inception.engine.stage.Cancellation;
import io.inception.packaging.testing.DebianHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The hermetic runner against a real Docker daemon, and its local fallback. */
class HermeticRunnerIT {
    private static final String TEST_COMMAND = """
            echo "running tests in $(pwd)"
            touch /src/should-fail 2>/dev/null && echo "checkout is WRITABLE" || echo "checkout is read-only"
            mkdir -p out && printf '<testsuite name="nova" tests="2" failures="0"/>\\n' > out/junit.xml
            sh tests/run.sh
            """;
    @TempDir
    static Path dir;
    static DockerClient docker;
    static DockerBuildRunner runner;

    @BeforeAll
    static void docker() throws Exception {
        String image = DebianHost.image(); // fails clearly without Docker
        docker = BuildRunners.connect(null).orElseThrow(() -> new AssertionError("Docker daemon does not answer"));
        runner = DockerBuildRunner.of(docker, image, Clock.systemUTC());
    }

    @AfterAll
    static void close() throws Exception {
        if (docker != null) docker.close();
    }

    static Path checkout(String name) throws Exception {
        Path c = Files.createDirectories(dir.resolve(name));
        Files.createDirectories(c.resolve("tests"));
        Files.writeString(c.resolve("tests/run.sh"), "echo unit tests passed; exit ${EXIT_WITH:-0}\n");
        Files.setPosixFilePermissions(c.resolve("tests/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return c;
    }

    private static List<Container> labelled() {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerBuildRunner.LABEL, DockerBuildRunner.LABEL_VALUE)).exec();
    }

    @Test
    void runsInAThrowawayContainerWithTheCheckoutReadOnlyAndCopiesOutputs() throws Exception {
        Path checkout = checkout("c1");
        Path out = dir.resolve("out1");
        RunResult r = runner.run(new RunRequest("b-1", checkout, TEST_COMMAND, List.of("out/"), out,
                Map.of("EXIT_WITH", "3"), Duration.ofMinutes(2)), () -> false);

        assertThat(r.runner()).isEqualTo(RunnerKind.DOCKER);
        assertThat(r.image()).startsWith("inception/debian:12-");
        assertThat(r.outcome()).isEqualTo(RunResult.Outcome.EXITED);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.logTail()).contains("running tests in /work", "checkout is read-only", "unit tests passed");
        assertThat(out.resolve("out/junit.xml")).content().contains("tests=\"2\"");
        assertThat(r.outputs()).containsExactly(out.resolve("out"));
        assertThat(checkout.resolve("should-fail")).doesNotExist();
        assertThat(checkout.resolve("out")).doesNotExist();
        assertThat(labelled()).as("container removed").isEmpty();
    }

    @Test
    void aCancelledRunStopsAndRemovesItsContainer() throws Exception {
        AtomicBoolean cancel = new AtomicBoolean();
        Cancellation c = cancel::get;
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run(new RunRequest("b-2", checkout("c2"), "sleep 300", List.of(), dir.resolve("o2"),
                        Map.of(), Duration.ofMinutes(10)), c);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (labelled().stream().noneMatch(x -> "running".equals(x.getState())) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(labelled()).as("the container runs").isNotEmpty();
        cancel.set(true);
        RunResult r = running.get(60, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(RunResult.Outcome.CANCELLED);
        assertThat(r.exitCode()).isEqualTo(-1);
        assertThat(labelled()).isEmpty();
    }

    @Test
    void aTimedOutRunIsStoppedToo() throws Exception {
        RunResult r = runner.run(new RunRequest("b-3", checkout("c3"), "sleep 300", List.of(), dir.resolve("o3"),
                Map.of(), Duration.ofSeconds(2)), () -> false);
        assertThat(r.outcome()).isEqualTo(RunResult.Outcome.TIMED_OUT);
        assertThat(labelled()).isEmpty();
    }

    @Test
    void leftoversOfAKilledOrchestratorAreRemovedOnStartup() throws Exception {
        String id = docker.createContainerCmd(runner.image())
                .withLabels(Map.of(DockerBuildRunner.LABEL, DockerBuildRunner.LABEL_VALUE,
                        DockerBuildRunner.BUILD_LABEL, "b-crashed"))
                .withCmd("sleep", "300").exec().getId();
        docker.startContainerCmd(id).exec();
        assertThat(labelled()).extracting(Container::getId).contains(id);

        BuildRunner detected = BuildRunners.detect(null, runner.image(), dir.resolve("scratch"), Clock.systemUTC());
        assertThat(detected.kind()).isEqualTo(RunnerKind.DOCKER);
        assertThat(labelled()).isEmpty();
    }

    @Test
    void withoutDockerTheSameRunIsALocalProcess() throws Exception {
        BuildRunner local = BuildRunners.detect("unix:///nonexistent/docker.sock", runner.image(),
                dir.resolve("scratch"), Clock.systemUTC());
        assertThat(local.kind()).isEqualTo(RunnerKind.LOCAL);
        Path checkout = checkout("c4");
        Path out = dir.resolve("out4");
        RunResult r = local.run(new RunRequest("b-4", checkout,
                "mkdir -p out && echo local > out/result.txt && sh tests/run.sh", List.of("out"), out, Map.of(),
                Duration.ofMinutes(1)), () -> false);
        assertThat(r.runner()).isEqualTo(RunnerKind.LOCAL);
        assertThat(r.image()).isNull();
        assertThat(r.succeeded()).isTrue();
        assertThat(r.logTail()).contains("unit tests passed");
        assertThat(out.resolve("out/result.txt")).hasContent("local");
        assertThat(checkout.resolve("out")).doesNotExist();

        RunResult cancelled = local.run(new RunRequest("b-5", checkout, "sleep 300", List.of(), out, Map.of(),
                Duration.ofMinutes(1)), () -> true);
        assertThat(cancelled.outcome()).isEqualTo(RunResult.Outcome.CANCELLED);
    }
}
