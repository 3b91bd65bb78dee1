package io.inception.inova.stage;

import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;
import io.inception.inova.cloud.CloudException;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.inova.provision.Provisioner;
import io.inception.inova.provision.Step;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code provision} stage: one {@link Provisioner#step} per call, with the stage's checkpoints
 * as the provisioner's memory (ids looked up, servers made, failed launches), so the stage is
 * resumable after {@code kill -9}; returns Running while servers boot. When done, the servers and
 * addresses are stored with the environment; output {@link ProvisionOutput}.
 */
public final class ProvisionStage implements Stage {
    static final String STARTED = "provision:started";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    private final ControlPlaneTargets targets;
    private final ControlPlaneRecords records;
    private final Clock clock;

    public ProvisionStage(ControlPlaneTargets targets, ControlPlaneRecords records, Clock clock) {
        this.targets = targets;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public String type() {
        return ProvisionStageType.PROVISION.name();
    }

    @Override
    public StageResult execute(StageContext context) {
        String env = context.environment().name();
        ControlPlaneTargets.Target target = targets.forRun(context);
        String build = context.params().optionalString("build")
                .orElseGet(() -> context.build().map(b -> b.id()).orElse(context.runId()));
        Instant started = context.checkpoints().get(STARTED).map(Instant::parse).orElseGet(() -> {
            Instant now = clock.instant();
            context.checkpoints().put(STARTED, now.toString());
            return now;
        });
        Duration timeout = context.params().optional("timeout", Duration.class).orElse(DEFAULT_TIMEOUT);
        Step step;
        try {
            step = new Provisioner(target.cloud(), clock, line -> context.log().info(line))
                    .step(target.plane(), build, context.checkpoints());
        } catch (CloudException e) {
            context.log().warn(e.getMessage());
            return new StageResult.Failed(e.getMessage(), e.transientFailure());
        }
        if (step instanceof Step.Done done) {
            records.servers(env, done.servers());
            String summary = done.servers().size() + " control VMs ready (" + done.created() + " created, "
                    + done.deleted() + " replaced)";
            records.event(env, "provision", "stage " + context.stage().name() + " of run " + context.runId() + ": " + summary);
            return StageResult.succeeded(summary, new ProvisionOutput(env, done.servers()));
        }
        if (step instanceof Step.Failed failed) {
            records.event(env, "provision", "run " + context.runId() + " failed: " + failed.reason());
            return StageResult.Failed.permanent(failed.reason());
        }
        String progress = ((Step.Running) step).progress();
        if (clock.instant().isAfter(started.plus(timeout))) {
            return StageResult.Failed.permanent("provision timed out after " + timeout.toMinutes() + " min: " + progress);
        }
        return StageResult.running(POLL, progress);
    }
}
