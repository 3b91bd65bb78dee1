package io.inception.inova.stage;

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
import io.inception.engine.store.EnvironmentResource;
import io.inception.engine.store.Store;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.inova.fake.InMemoryCloud;
import io.inception.inova.provision.ControlPlane;
import io.inception.inova.provision.MemoryCheckpoints;
import io.inception.inova.spec.ControlPlaneSpec;
import io.inception.inova.spec.InovaEndpoint;
import io.inception.inova.spec.RoleSpec;
import io.inception.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisionStageTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T05:00:00Z"));
    private final InMemoryCloud cloud = new InMemoryCloud(clock);

    private ControlPlane plane() {
        RoleSpec api = new RoleSpec("nova-api", "m1.small", "debian-12", 2, Optional.empty(), Optional.empty(),
                RoleSpec.DEFAULT_BOOT_TIMEOUT, 3);
        RoleSpec db = new RoleSpec("cell-db", "m1.medium", "debian-12", 1, Optional.empty(), Optional.empty(),
                RoleSpec.DEFAULT_BOOT_TIMEOUT, 3);
        return new ControlPlane("qe", new ControlPlaneSpec(InovaEndpoint.sandboxEndpoint(), List.of(api), List.of(db),
                Map.of(), Optional.empty(), true), List.of("c1"), Map.of());
    }

    @Test
    void runsWhileServersBootAndResumesFromItsCheckpointsWithoutMakingThemTwice() {
        try (Store store = Store.open("jdbc:h2:mem:inova-stage;DB_CLOSE_DELAY=-1")) {
            ControlPlaneRecords records = new ControlPlaneRecords(store.environmentResources());
            CheckpointStore checkpoints = new MemoryCheckpoints();
            List<String> log = new ArrayList<>();
            ProvisionStage stage = new ProvisionStage(env -> new ControlPlaneTargets.Target(plane(), cloud), records, clock);

            StageResult first = stage.execute(context(checkpoints, log));
            assertThat(first).isInstanceOf(StageResult.Running.class);
            assertThat(((StageResult.Running) first).progress()).contains("0/3 servers ACTIVE");

            // a restarted orchestrator: a new stage object, the same checkpoints
            ProvisionStage restarted = new ProvisionStage(env -> new ControlPlaneTargets.Target(plane(), cloud), records, clock);
            clock.advance(Duration.ofSeconds(5));
            StageResult second = restarted.execute(context(checkpoints, log));

            assertThat(second).isInstanceOf(StageResult.Succeeded.class);
            ProvisionOutput out = (ProvisionOutput) ((StageResult.Succeeded) second).output();
            assertThat(out.servers()).extracting(s -> s.name()).containsExactlyInAnyOrder(
                    "qe-api-nova-api-1", "qe-api-nova-api-2", "qe-c1-cell-db-1");
            assertThat(cloud.servers("qe-")).hasSize(3);
            assertThat(records.servers("qe")).extracting(EnvironmentResource::address).allMatch(a -> a.startsWith("10.0.0."));
            assertThat(store.environmentResources().events("qe")).singleElement()
                    .satisfies(e -> assertThat(e.message()).contains("3 control VMs ready (3 created, 0 replaced)"));
            assertThat(checkpoints.all()).containsKey("flavor:m1.small").containsKey(ProvisionStage.STARTED);
        }
    }

    @Test
    void theStageTypeIsDiscovered() {
        assertThat(io.inception.engine.pipeline.StageTypes.discover().find("provision")).isPresent();
    }

    private StageContext context(CheckpointStore checkpoints, List<String> log) {
        return new StageContext() {
            public String runId() { return "r-1"; }
            public PipelineDef pipeline() { throw new UnsupportedOperationException(); }
            public StageDef stage() { return new StageDef("control-plane", "provision", Map.of(), null, null, "test"); }
            public int attempt() { return 1; }
            public Parameters params() { return new Parameters("control-plane", Map.of("build", "b-42")); }
            public Optional<Build> build() { return Optional.empty(); }
            public void bindBuild(Build build) { throw new UnsupportedOperationException(); }
            public Environment environment() { return Environment.named("qe"); }
            public <T> Optional<T> output(String stageName, Class<T> type) { return Optional.empty(); }
            public StageLog log() {
                return new StageLog() {
                    public void info(String m) { log.add(m); }
                    public void warn(String m) { log.add(m); }
                    public void error(String m) { log.add(m); }
                };
            }
            public ArtifactStore artifacts() { throw new UnsupportedOperationException(); }
            public CheckpointStore checkpoints() { return checkpoints; }
            public Cancellation cancellation() { return () -> false; }
        };
    }
}
