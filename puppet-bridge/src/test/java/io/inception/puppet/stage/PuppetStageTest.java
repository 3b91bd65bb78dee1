package io.inception.puppet.stage;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.HostTrust;
import io.inception.engine.fleet.SshKey;
import io.inception.engine.model.Build;
import io.inception.engine.model.Environment;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.StageDef;
import io.inception.engine.pipeline.StageTypes;
import io.inception.engine.stage.ArtifactStore;
import io.inception.engine.stage.Cancellation;
import io.inception.engine.stage.CheckpointStore;
import io.inception.engine.stage.Parameters;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageLog;
import io.inception.engine.stage.StageResult;
import io.inception.engine.wait.WaitStrategy;
import io.inception.puppet.ManifestFixtures;
import io.inception.puppet.apply.HostApply;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The puppet stage as the executor drives it: Running while it applies, then the report as output. */
class PuppetStageTest {
    @TempDir
    Path dir;

    @Test
    void theStagePinsTheCommitAppliesToTheControlVmsAndReportsPerHost() throws Exception {
        try (SandboxFleet sandbox = SandboxFleet.start(SandboxFleetSpec.of(3, 1, dir.resolve("sandbox")))) {
            List<HostTarget> hosts = sandbox.endpoints().stream().map(e -> new HostTarget(e.name(), e.cell(), e.address(), e.port())).toList();
            FleetSettings settings = FleetSettings.of(sandbox.user(), SshKey.fromFile(sandbox.privateKeyFile()), dir.resolve("known_hosts"));
            HostTrust.enrol(settings, hosts);
            // hosts[0] is a compute host (not configured with hosts: control), hosts[2] carries keystone
            EnvironmentFile env = ManifestFixtures.environment(ManifestFixtures.manifestRepo(dir), hosts.get(0).name(), hosts.get(2).name());
            PuppetStage stage = new PuppetStage(e -> new PuppetTargets.Targets(env, hosts.subList(1, 3), hosts.subList(0, 1), settings),
                    dir.resolve("cache"), Map.of("QE_RABBIT_PASSWORD", "s3cret")::get);
            Context context = new Context(Map.of("hosts", "control", "version", "2.0-1"));
            StageResult result = untilDone(stage, context,
                    running -> assertThat(running.progress()).matches("puppet: \\d/1 host\\(s\\) done"));
            assertThat(result).isInstanceOf(StageResult.Succeeded.class);
            PuppetStageReport report = (PuppetStageReport) ((StageResult.Succeeded) result).output();
            assertThat(report.manifests().commit()).isEqualTo(context.checkpoints.get(PuppetStage.COMMIT));
            assertThat(report.hosts()).extracting(HostApply::host, HostApply::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(hosts.get(2).name(), HostApply.Status.CHANGED));
            assertThat(report.line()).isEqualTo("1 host(s) @" + report.manifests().shortCommit() + ": 1 changed, 0 unchanged, 0 failed");
            assertThat(context.logs).anyMatch(l -> l.startsWith("puppet: 1 host(s), manifests "));
        }
    }

    @Test
    void aMissingCredentialFailsTheStageNamingTheReferenceOnly() throws Exception {
        try (SandboxFleet sandbox = SandboxFleet.start(SandboxFleetSpec.of(1, 1, dir.resolve("sandbox")))) {
            List<HostTarget> hosts = sandbox.endpoints().stream().map(e -> new HostTarget(e.name(), e.cell(), e.address(), e.port())).toList();
            FleetSettings settings = FleetSettings.of(sandbox.user(), SshKey.fromFile(sandbox.privateKeyFile()), dir.resolve("known_hosts"));
            HostTrust.enrol(settings, hosts);
            EnvironmentFile env = ManifestFixtures.environment(ManifestFixtures.manifestRepo(dir), "compute-1", hosts.get(0).name());
            PuppetStage stage = new PuppetStage(e -> new PuppetTargets.Targets(env, hosts, List.of(), settings), dir.resolve("cache"),
                    Map.<String, String>of()::get);
            Context context = new Context(Map.of());
            StageResult result = untilDone(stage, context, running -> { });
            assertThat(result).isEqualTo(StageResult.Failed.permanent(
                    "puppet: credential 'rabbit-password': environment variable QE_RABBIT_PASSWORD is not set"));
        }
    }

    /** Executes the stage as the executor polls it (every 50 ms here) until it is no longer running. */
    private static StageResult untilDone(PuppetStage stage, Context context, Consumer<StageResult.Running> whileRunning)
            throws InterruptedException {
        AtomicReference<String> progress = new AtomicReference<>("not executed yet");
        return WaitStrategy.of(Duration.ofSeconds(60), Duration.ofMillis(50)).poll("the puppet stage done", () -> {
            StageResult result = stage.execute(context);
            if (!(result instanceof StageResult.Running running)) return Optional.of(result);
            whileRunning.accept(running);
            progress.set(running.progress());
            return Optional.empty();
        }, progress::get).orElseThrow(AssertionError::new);
    }

    @Test
    void validateKnowsTheStageTypeAndItsParameters() {
        var type = StageTypes.discover().find("puppet").orElseThrow();
        assertThat(type.params()).extracting(p -> p.name())
                .contains("hosts", "ref", "version", "apt-source", "noop", "max-parallel", "command-timeout");
    }

    /** A stage context the way the executor gives one, in memory. */
    static final class Context implements StageContext {
        final Map<String, String> checkpoints = new ConcurrentHashMap<>();
        final List<String> logs = new ArrayList<>();
        final Map<String, Object> params;

        Context(Map<String, Object> params) {
            this.params = params;
        }

        @Override public String runId() { return "run-1"; }
        @Override public PipelineDef pipeline() { return new PipelineDef("p", List.of(), null, null, null); }
        @Override public StageDef stage() { return new StageDef("configure", "puppet", params, Duration.ofMinutes(5), null, "test"); }
        @Override public int attempt() { return 1; }
        @Override public Parameters params() { return new Parameters("configure", params); }
        @Override public Optional<Build> build() { return Optional.empty(); }
        @Override public void bindBuild(Build build) { }
        @Override public Environment environment() { return Environment.named("qe"); }
        @Override public <T> Optional<T> output(String stageName, Class<T> type) { return Optional.empty(); }
        @Override public StageLog log() {
            return new StageLog() {
                @Override public void info(String message) { synchronized (logs) { logs.add(message); } }
                @Override public void warn(String message) { info(message); }
                @Override public void error(String message) { info(message); }
            };
        }
        @Override public ArtifactStore artifacts() { throw new UnsupportedOperationException("the puppet stage stores no artifacts"); }
        @Override public CheckpointStore checkpoints() {
            return new CheckpointStore() {
                @Override public Optional<String> get(String key) { return Optional.ofNullable(checkpoints.get(key)); }
                @Override public void put(String key, String value) { checkpoints.put(key, value); }
                @Override public void remove(String key) { checkpoints.remove(key); }
                @Override public Map<String, String> all() { return Map.copyOf(checkpoints); }
            };
        }
        @Override public Cancellation cancellation() { return () -> false; }
    }
}
