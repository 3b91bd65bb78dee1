package io.inception.app.approval;

import io.inception.app.Inception;
import io.inception.app.InceptionHome;
import io.inception.app.access.Actor;
import io.inception.app.access.AuditTrail;
import io.inception.app.access.Role;
import io.inception.engine.executor.RunOptions;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageRun;
import io.inception.engine.store.AuditEntry;
import io.inception.engine.wait.WaitStrategy;
import io.inception.engine.wait.Waited;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A pipeline's manual gate: the run waits at its {@code approval} stage until a release manager decides. */
class ApprovalStageTest {
    @TempDir
    Path dir;
    PipelineDef pipeline;

    @BeforeEach
    void pipeline() throws Exception {
        pipeline = GatedPipeline.write(dir.resolve("config"));
    }

    @Test
    void theRunWaitsUntilAReleaseManagerApprovesAndADeveloperCannot() throws Exception {
        try (Inception inception = Inception.open(new InceptionHome(dir.resolve("home")), null, Clock.systemUTC())) {
            Approvals approvals = new Approvals(inception.store(), new AuditTrail(inception.store().audit(), Clock.systemUTC()));
            String run = inception.executor().start(pipeline, io.inception.engine.model.Environment.named("local"),
                    RunOptions.defaults().withTarget("local"));
            waitingAt(inception, run, "go-ahead");

            Approvals.Outcome developer = approvals.decide(new Actor("dana", Role.DEVELOPER, "cli"), run, "go-ahead", true, null);
            assertThat(developer).isInstanceOf(Approvals.Outcome.Denied.class);
            assertThat(developer.message()).contains("release manager");
            assertThat(approvals.decide(new Actor("rita", Role.RELEASE_MANAGER, "cli"), run, "nothing", true, null))
                    .isInstanceOf(Approvals.Outcome.Refused.class);
            assertThat(inception.store().runs().find(run).orElseThrow().status().isComplete()).isFalse();

            assertThat(approvals.decide(new Actor("rita", Role.RELEASE_MANAGER, "cli"), run, "go-ahead", true, "smoke green"))
                    .isInstanceOf(Approvals.Outcome.Decided.class);
            Run done = inception.executor().awaitCompletion(run, Duration.ofSeconds(30));
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(inception.store().stages().list(run).get(0).message()).startsWith("approved by rita").endsWith("smoke green");
            List<AuditEntry> audit = inception.store().audit().list(10);
            assertThat(audit).extracting(AuditEntry::actor, AuditEntry::outcome)
                    .contains(org.assertj.core.groups.Tuple.tuple("dana", AuditTrail.DENIED),
                            org.assertj.core.groups.Tuple.tuple("rita", Approvals.APPROVED));
        }
    }

    @Test
    void aRejectionFailsTheStageWithWhoAndWhy() throws Exception {
        try (Inception inception = Inception.open(new InceptionHome(dir.resolve("home")), null, Clock.systemUTC())) {
            Approvals approvals = new Approvals(inception.store(), new AuditTrail(inception.store().audit(), Clock.systemUTC()));
            String run = inception.executor().start(pipeline, io.inception.engine.model.Environment.named("local"),
                    RunOptions.defaults().withTarget("local"));
            waitingAt(inception, run, "go-ahead");
            approvals.decide(new Actor("rita", Role.RELEASE_MANAGER, "web"), run, "go-ahead", false, "staging is frozen");
            Run done = inception.executor().awaitCompletion(run, Duration.ofSeconds(30));
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(inception.store().stages().list(run).get(0).message()).contains("rejected by rita", "staging is frozen");
            assertThat(approvals.decide(new Actor("rita", Role.RELEASE_MANAGER, "web"), run, "go-ahead", true, null))
                    .as("a decided gate is not waiting any more").isInstanceOf(Approvals.Outcome.Refused.class);
        }
    }

    private static void waitingAt(Inception inception, String run, String stage) throws InterruptedException {
        Waited<StageRun> waited = WaitStrategy.of(Duration.ofSeconds(30), Duration.ofMillis(100)).poll(
                "stage " + stage + " of " + run + " waiting", () -> inception.store().stages().list(run).stream()
                        .filter(s -> s.name().equals(stage) && !s.status().isComplete()
                                && s.status() != ExecutionStatus.NOT_STARTED).findFirst());
        assertThat(waited).as(waited.toString()).isInstanceOf(Waited.Reached.class);
    }
}
