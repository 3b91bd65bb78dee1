package io.inception.app.rollout;

import io.inception.engine.executor.Executor;
import io.inception.engine.executor.RunOptions;
import io.inception.engine.model.Environment;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.RetryPolicy;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageDef;
import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;
import io.inception.engine.store.Store;
import io.inception.packaging.Packaging;
import io.inception.sandbox.inova.InovaSimulator;
import io.inception.sandbox.inova.InovaSpec;
import io.inception.sandbox.ssh.HostEndpoint;
import io.inception.sandbox.ssh.HttpAptIndex;
import io.inception.sandbox.ssh.PackageIndex;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code rollout} stage as {@link RolloutWiring} builds it, after a package stage in the same
 * run: it installs the version that stage published from the served, signed snapshot, and drains
 * through the environment's iNova (logged in with the environment's own endpoint and credential).
 */
class RolloutStageWiringTest {
    static final String VERSION = "27.2.0+git202611270540.9f8e7d6-1";

    @TempDir
    Path dir;

    /** What the package stage outputs, as packaging's PackageStage does, for the published snapshot. */
    record PublishedStage(PublishedRepository repo) implements Stage {
        @Override
        public String type() {
            return "package";
        }

        @Override
        public StageResult execute(StageContext context) {
            return StageResult.succeeded(repo.report.summary(), repo.report);
        }
    }

    @Test
    void afterThePackageStageTheRolloutInstallsItsSnapshotAndDrainsThroughNova() throws Exception {
        try (PublishedRepository repo = PublishedRepository.publish(dir.resolve("home"), dir.resolve("work"), "b-2", VERSION);
             SandboxFleet sandbox = SandboxFleet.start(SandboxFleetSpec.of(4, 2, dir.resolve("sandbox"))
                     .withIndex(new HttpAptIndex(PackageIndex.fixed(Map.of()))));
             InovaSimulator inova = InovaSimulator.start(InovaSpec.defaults().withComputeHosts(
                     sandbox.endpoints().stream().map(HostEndpoint::name).toList()))) {
            sandbox.get("c2-004").inject(io.inception.sandbox.ssh.HostFault.INSTALL_FAILS);
            String key = repo.armoredKey();
            sandbox.hosts().forEach(h -> h.state().withFile(Packaging.HOST_KEYRING, key));
            Path password = Files.writeString(dir.resolve("inova-password"), inova.password());
            Path config = Cli.configRepo(dir.resolve("config"), "sbx", Cli.sandboxEnvironment(sandbox,
                    "  inova-password: {file: " + password + "}\n", "  strict-waves: 0\n", """
                    failure-budget: {max-failed: 1}
                    control-plane:
                      inova: {auth-url: %s, username: %s, password: inova-password, project: %s, domain: %s}
                      api:
                        nova-api: {flavor: m1.small, image: debian-12}
                    """.formatted(inova.authUrl(), inova.username(), inova.project(), inova.domain())));
            String home = repo.home.dir().toString();
            Cli.trustHosts(config, home);

            try (Store store = Store.openDefault(dir.resolve("store"))) {
                var rollout = RolloutWiring.stage(repo.home, store, Clock.systemUTC(), config.toString(), "HEAD",
                        Optional.of(repo.server.url()));
                PipelineDef pipeline = new PipelineDef("deploy", List.of(
                        new StageDef("package", "package", Map.of(), null, RetryPolicy.NONE, "test"),
                        new StageDef("rollout", "rollout", Map.of(), null, RetryPolicy.NONE, "test")),
                        config.toString(), "HEAD", "pipelines/deploy.yaml");
                try (Executor executor = Executor.withStages(new PublishedStage(repo), rollout).open(store, dir.resolve("run"))) {
                    String runId = executor.start(pipeline, Environment.named("sbx"), RunOptions.defaults());
                    Run run = executor.awaitCompletion(runId, Duration.ofMinutes(2));

                    assertThat(run.status()).as(store.stages().find(runId, "rollout").orElseThrow().message())
                            .isEqualTo(ExecutionStatus.SUCCEEDED);
                }
                String reason = "inception rollout " + store.rollouts().list().get(0).id();
                for (var h : sandbox.hosts()) {
                    if (h.name().equals("c2-004")) continue;
                    assertThat(h.state().version("nova-compute")).as(h.name()).contains(VERSION);
                    assertThat(h.state().file("/etc/apt/sources.list.d/inception.list"))
                            .contains(repo.sourcesLine("builds/b-2") + "\n");
                }
                assertThat(inova.services()).filteredOn(s -> s.binary().equals("nova-compute")).hasSize(4).allSatisfy(s -> {
                    assertThat(s.enabled()).as(s.host()).isEqualTo(!s.host().equals("c2-004"));
                    if (!s.enabled()) assertThat(s.disabledReason()).as("the failed host, left out of scheduling").isEqualTo(reason);
                });
            }
        }
    }
}
