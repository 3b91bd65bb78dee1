package io.inception.engine.rollout;

import io.inception.engine.executor.Executor;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.executor.RunOptions;
import io.inception.engine.model.Environment;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.RetryPolicy;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageDef;
import io.inception.engine.pipeline.StageTypes;
import io.inception.engine.wait.WaitStrategy;
import io.inception.sandbox.ssh.HostFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rollout stage run by the real executor over sandbox hosts. */
class RolloutStageTest {
    @TempDir
    Path dir;
    SandboxRig rig;

    @BeforeEach
    void start() {
        rig = new SandboxRig(dir, 12, 2);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    RolloutStage stage() {
        return new RolloutStage(rig.store.rollouts(), env -> new RolloutTargets.Fleet(rig.hosts, rig.settings), rig.drain,
                Clock.systemUTC(), IdGenerator.sequential("s-"));
    }

    static PipelineDef pipeline(Map<String, Object> params) {
        return new PipelineDef("deploy", List.of(new StageDef("roll", "rollout", params, null, RetryPolicy.NONE, "test")),
                "file:///environments", "c0ffee", "pipelines/deploy.yaml");
    }

    @Test
    void theStageRollsTheBuildOverTheEnvironmentAndOutputsTheSummary() throws Exception {
        rig.sandbox.get("c1-006").state().inject(HostFault.INSTALL_FAILS); // in wave 3 of the interleaved plan
        try (Executor executor = Executor.withStages(stage()).open(rig.store, dir.resolve("home"))) {
            String runId = executor.start(pipeline(Map.of("version", "2.0-1", "apt-source", SandboxRig.SOURCE,
                    "waves", List.of(1L, 2L, "100%"), "max-parallel", 4L, "failure-budget", "1")),
                    Environment.named("qe"), RunOptions.defaults());
            Run run = executor.awaitCompletion(runId, Duration.ofMinutes(2));

            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            String rolloutId = rig.store.checkpoints().get(runId, "roll", RolloutStage.CHECKPOINT).orElseThrow();
            RolloutSummary summary = new RolloutEngine(rig.store.rollouts(), null, rig.drain, Clock.systemUTC(),
                    IdGenerator.sequential("x")).summary(rolloutId);
            assertThat(summary.count(HostPhase.DONE)).isEqualTo(11);
            assertThat(summary.count(HostPhase.ROLLED_BACK)).isEqualTo(1);
            assertThat(rig.store.stages().find(runId, "roll").orElseThrow().message()).contains("11 done, 1 rolled back");
        }
    }

    @Test
    void aSpentBudgetFailsTheStage() throws Exception {
        rig.sandbox.hosts().forEach(h -> h.state().inject(HostFault.INSTALL_FAILS));
        try (Executor executor = Executor.withStages(stage()).open(rig.store, dir.resolve("home"))) {
            String runId = executor.start(pipeline(Map.of("version", "2.0-1", "apt-source", SandboxRig.SOURCE)),
                    Environment.named("qe"), RunOptions.defaults());
            Run run = executor.awaitCompletion(runId, Duration.ofMinutes(2));
            assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(rig.store.stages().find(runId, "roll").orElseThrow().message())
                    .contains("failure budget spent: 1 of 12 hosts failed by wave 1");
        }
    }

    @Test
    void withAnEnvironmentFileTheStagePlansItsWavesAndWaitsAtItsManualGate() throws Exception {
        String hosts = rig.hosts.stream().map(h -> h.name()).collect(java.util.stream.Collectors.joining(", "));
        io.inception.engine.config.EnvironmentFile file = io.inception.engine.config.EnvironmentFile.parse("""
                name: qe
                cells:
                  - name: all
                    hosts: [%s]
                waves:
                  - {name: canary, size: 2, gate: manual}
                  - {name: rest, size: rest}
                """.formatted(hosts), "qe.yaml").orElseThrow();
        RolloutStage stage = new RolloutStage(rig.store.rollouts(),
                env -> new RolloutTargets.Fleet(rig.hosts, rig.settings, java.util.Optional.of(file)), rig.drain,
                Clock.systemUTC(), IdGenerator.sequential("e-"));
        try (Executor executor = Executor.withStages(stage).open(rig.store, dir.resolve("home"))) {
            String runId = executor.start(pipeline(Map.of("version", "2.0-1", "apt-source", SandboxRig.SOURCE)),
                    Environment.named("qe"), RunOptions.defaults());
            String rolloutId = awaitWaiting(runId);
            RolloutEngine engine = new RolloutEngine(rig.store.rollouts(), null, rig.drain, Clock.systemUTC(),
                    IdGenerator.sequential("x"));
            assertThat(engine.summary(rolloutId).count(HostPhase.DONE)).as("the environment's canary wave of 2").isEqualTo(2);
            assertThat(rig.store.runs().find(runId).orElseThrow().status().isComplete()).isFalse();

            assertThat(engine.approve(rolloutId)).isTrue();
            Run run = executor.awaitCompletion(runId, Duration.ofMinutes(2));

            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(engine.summary(rolloutId).count(HostPhase.DONE)).isEqualTo(12);
        }
    }

    private String awaitWaiting(String runId) throws InterruptedException {
        return WaitStrategy.of(Duration.ofSeconds(60), Duration.ofMillis(50)).poll("the rollout of run " + runId + " at its manual gate",
                () -> rig.store.checkpoints().get(runId, "roll", RolloutStage.CHECKPOINT)
                        .filter(id -> rig.store.rollouts().find(id).orElseThrow().status() == ExecutionStatus.WAITING))
                .orElseThrow(AssertionError::new);
    }

    /** The package stage's output as packaging writes it (more fields than the rollout reads). */
    record PackageReport(String buildId, String version, List<PackageRecord> packages, String distribution, String suite) {
    }

    record PackageRecord(String name, String version, String architecture, long size, String sha256, String file) {
    }

    /** A package stage (under another name than its type) that "published" nova-compute 2.0-1 as builds/b-7. */
    static io.inception.engine.stage.Stage publishedPackages() {
        return new io.inception.engine.stage.Stage() {
            @Override
            public String type() {
                return "package";
            }

            @Override
            public io.inception.engine.stage.StageResult execute(io.inception.engine.stage.StageContext context) {
                return io.inception.engine.stage.StageResult.succeeded("published", new PackageReport("b-7", "2.0-1",
                        List.of(new PackageRecord("nova-common", "2.0-1", "all", 10, "ab", "/x"),
                                new PackageRecord("nova-compute", "2.0-1", "all", 10, "cd", "/y")), "builds/b-7", "qe"));
            }
        };
    }

    static PipelineDef packageThenRollout(Map<String, Object> rolloutParams) {
        return new PipelineDef("deploy", List.of(new StageDef("debs", "package", Map.of(), null, RetryPolicy.NONE, "test"),
                new StageDef("roll", "rollout", rolloutParams, null, RetryPolicy.NONE, "test")),
                "file:///environments", "c0ffee", "pipelines/deploy.yaml");
    }

    @Test
    void afterThePackageStageTheRolloutInstallsWhatItPublishedFromItsSnapshot() throws Exception {
        RolloutStage stage = new RolloutStage(rig.store.rollouts(), env -> new RolloutTargets.Fleet(rig.hosts, rig.settings),
                Drains.always(rig.drain), java.util.Optional.of(suite -> "deb [trusted=yes] http://repo.invalid/apt/ " + suite
                + " main"), Clock.systemUTC(), IdGenerator.sequential("p-"));
        try (Executor executor = Executor.withStages(publishedPackages(), stage).open(rig.store, dir.resolve("home"))) {
            String runId = executor.start(packageThenRollout(Map.of("max-parallel", 4L)), Environment.named("qe"),
                    RunOptions.defaults());
            Run run = executor.awaitCompletion(runId, Duration.ofMinutes(2));

            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(rig.sandbox.hosts()).allSatisfy(h -> {
                assertThat(h.state().version("nova-compute")).contains("2.0-1");
                assertThat(h.state().file("/etc/apt/sources.list.d/inception.list"))
                        .contains("deb [trusted=yes] http://repo.invalid/apt/ builds/b-7 main\n");
            });
        }
    }

    @Test
    void withoutAVersionOrAPackageStageTheStageSaysWhatToGive() throws Exception {
        try (Executor executor = Executor.withStages(stage()).open(rig.store, dir.resolve("home"))) {
            String runId = executor.start(pipeline(Map.of("apt-source", SandboxRig.SOURCE)), Environment.named("qe"),
                    RunOptions.defaults());
            Run run = executor.awaitCompletion(runId, Duration.ofMinutes(1));

            assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(rig.store.stages().find(runId, "roll").orElseThrow().message()).isEqualTo("rollout: give 'version'"
                    + " and 'apt-source', or run a package stage before the rollout in the same pipeline");
            assertThat(rig.sandbox.hosts()).allSatisfy(h -> assertThat(h.state().commandLog()).isEmpty());
        }
    }

    @Test
    void aBuildThatPublishedNoSuchPackageIsNamed() {
        PublishedBuild published = new PublishedBuild("b-7", "2.0-1", List.of(new PublishedBuild.Package("nova-api", "2.0-1")),
                "builds/b-7", null);
        assertThat(BuildRelease.of(published, "nova-compute", java.util.Optional.of(s -> "deb x " + s + " main"),
                java.util.Optional.empty(), java.util.Optional.empty()))
                .isEqualTo(new BuildRelease.Lookup.Missing("build b-7 published no package 'nova-compute' (it has nova-api)"));
        assertThat(BuildRelease.of(published, "nova-api", java.util.Optional.empty(), java.util.Optional.of("2.0-2"),
                java.util.Optional.of("deb [trusted=yes] http://r/ qe main")))
                .as("explicit values override the build's").isEqualTo(new BuildRelease.Lookup.Found(
                        new BuildRelease("2.0-2", "deb [trusted=yes] http://r/ qe main")));
    }

    @Test
    void theStageTypeIsDiscovered() {
        assertThat(StageTypes.discover().find("rollout").orElseThrow().paramNames())
                .contains("version", "apt-source", "waves", "max-parallel", "failure-budget", "rollback");
    }
}
