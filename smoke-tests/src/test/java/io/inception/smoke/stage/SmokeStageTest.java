package io.inception.smoke.stage;

import io.inception.engine.executor.Executor;
import io.inception.engine.model.Build;
import io.inception.engine.model.Environment;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.RetryPolicy;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageDef;
import io.inception.engine.executor.RunOptions;
import io.inception.engine.pipeline.StageTypes;
import io.inception.engine.store.LogLine;
import io.inception.engine.store.Store;
import io.inception.smoke.fixtures.SandboxDeployment;
import io.inception.smoke.report.SmokeHistory;
import io.inception.smoke.run.SmokeReport;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The smoke stage in the engine's executor, against a sandbox deployment, and the gate on its fact. */
class SmokeStageTest {
    @TempDir
    Path dir;

    private SandboxDeployment sandbox;
    private Store store;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = new SandboxDeployment(dir, 3);
        store = Store.openDefault(dir.resolve("home"));
        store.builds().save(new Build("b-7", null, List.of(), "abc123", Instant.parse("2026-11-27T05:00:00Z")));
        config = dir.resolve("config");
        environmentFile("");
    }

    @AfterEach
    void tearDown() {
        store.close();
        sandbox.close();
    }

    private void environmentFile(String smokeSection) throws IOException {
        Path env = Files.createDirectories(config.resolve("environments/environments")).resolve("sandbox.yaml");
        Files.writeString(env, "name: sandbox\ncells:\n  - name: c1\n    hosts: [c1-001]\n" + smokeSection);
    }

    private Run runSmoke(Map<String, Object> params) throws Exception {
        SmokeStage stage = new SmokeStage(context -> sandbox.environment(), store.builds(),
                new SmokeHistory(dir.resolve("home/smoke-history")), Clock.systemUTC());
        PipelineDef pipeline = new PipelineDef("deploy", List.of(new StageDef("smoke", "smoke", params,
                Duration.ofMinutes(5), RetryPolicy.NONE, "test")), config.toString(), null, "pipelines/deploy.yaml");
        try (Executor executor = Executor.withStages(stage).open(store, dir.resolve("home"))) {
            String runId = executor.start(pipeline, Environment.named("sandbox"), RunOptions.defaults().withBuild("b-7"));
            return executor.awaitCompletion(runId, Duration.ofMinutes(3));
        }
    }

    @Test
    void aPassingSuiteSucceedsStoresItsReportWithTheBuildAndOpensTheGate() throws Exception {
        Run run = runSmoke(Map.of());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        SmokeReport fact = store.builds().fact("b-7", "smoke:sandbox", SmokeReport.class).orElseThrow();
        assertThat(fact.passed()).isTrue();
        assertThat(fact.counts().total()).isEqualTo(7);
        SmokeGate.Decision decision = SmokeGate.decide(store.builds(), "b-7", "sandbox");
        assertThat(decision.open()).isTrue();
        assertThat(decision.reason()).isEqualTo("build b-7 passed the smoke suite on sandbox: passed: 7 tests: 7 passed,"
                + " 0 failed, 0 skipped");
        Path folder = dir.resolve("home/runs").resolve(run.id()).resolve("smoke");
        assertThat(folder.resolve("allure-report/index.html")).isNotEmptyFile();
        assertThat(folder.resolve("junit/attempt-1/TEST-junit-jupiter.xml")).isNotEmptyFile();
        assertThat(store.artifacts().list(run.id(), "smoke")).extracting(a -> a.name()).contains("smoke-report.json");
        assertThat(store.logs().list(run.id())).extracting(LogLine::message)
                .anyMatch(m -> m.equals("Allure report: " + folder.resolve("allure-report/index.html")));
    }

    @Test
    void aFailingSuiteFailsTheStageKeepsTheFailuresWithTheBuildAndClosesTheGate() throws Exception {
        sandbox.host("c1-003").state().withPackage("nova-compute", "1.0-1");

        Run run = runSmoke(Map.of("tags", "compute & !labs"));

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(store.stages().find(run.id(), "smoke").orElseThrow().message())
                .contains("ComputeHostsSmoke#everyHostRunsTheExpectedVersion: 1 of 3 hosts failed: c1-003: nova-compute is 1.0-1");
        SmokeReport fact = store.builds().fact("b-7", "smoke:sandbox", SmokeReport.class).orElseThrow();
        assertThat(fact.failures()).extracting(f -> f.message())
                .containsExactly("1 of 3 hosts failed: c1-003: nova-compute is 1.0-1, expected 2.0-1 from builds/b-7");
        SmokeGate.Decision decision = SmokeGate.decide(store.builds(), "b-7", "sandbox");
        assertThat(decision.open()).isFalse();
        assertThat(decision.reason()).startsWith("build b-7 failed the smoke suite on sandbox: failed: 2 tests: 1 passed,"
                + " 1 failed, 0 skipped — ComputeHostsSmoke#everyHostRunsTheExpectedVersion: 1 of 3 hosts failed: c1-003");
    }

    @Test
    void theEnvironmentFilesQuarantineAtTheRunsCommitMakesTheFailureNonGating() throws Exception {
        sandbox.host("c1-003").state().withPackage("nova-compute", "1.0-1");
        environmentFile("smoke:\n  tags: compute\n  retries: 0\n  quarantine: [ComputeHostsSmoke#everyHostRunsTheExpectedVersion]\n");

        Run run = runSmoke(Map.of());

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        SmokeReport fact = store.builds().fact("b-7", "smoke:sandbox", SmokeReport.class).orElseThrow();
        assertThat(fact.tags()).isEqualTo("compute");
        assertThat(fact.quarantined()).singleElement().satisfies(t -> {
            assertThat(t.attempts()).isEqualTo(1);
            assertThat(t.message()).contains("c1-003: nova-compute is 1.0-1");
        });
        assertThat(SmokeGate.decide(store.builds(), "b-7", "sandbox").open()).isTrue();
        assertThat(store.logs().list(run.id())).extracting(LogLine::message)
                .anyMatch(m -> m.startsWith("QUARANTINED ComputeHostsSmoke#everyHostRunsTheExpectedVersion FAILED: 1 of 3 hosts failed"));
    }

    @Test
    void aBuildWithoutASmokeResultMayNotBePromoted() {
        SmokeGate.Decision decision = SmokeGate.decide(store.builds(), "b-7", "qe");

        assertThat(decision).isEqualTo(new SmokeGate.Decision.Closed(
                "build b-7 has no smoke result for qe: run the smoke stage against qe first"));
    }

    @Test
    void theStageTypeIsDiscoveredWithItsParameters() {
        assertThat(StageTypes.discover().find("smoke").orElseThrow().paramNames()).containsExactly("tags", "version");
    }
}
