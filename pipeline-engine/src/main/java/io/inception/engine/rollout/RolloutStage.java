package io.inception.engine.rollout;

import io.inception.engine.executor.IdGenerator;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.StageDef;
import io.inception.engine.stage.Parameters;
import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code rollout} stage. The first call plans the rollout and records its id as a checkpoint;
 * the rollout then runs in the background while {@code execute} returns {@code Running} with its
 * progress. After a restart the executor calls {@code execute} again: the checkpoint names the
 * rollout, which resumes from the hosts' stored phases. With an environment file behind the
 * targets ({@link EnvironmentTargets}) the plan is the file's (waves, gates, failure budget,
 * {@code rollout:} section) and the stage's parameters given explicitly override it. At a pause or
 * manual gate the stage stays Running ("waiting for approval ...") until the gate opens. When the
 * run is cancelled (or times out) the background rollout starts no further host and is left
 * CANCELED, resumable. Output: {@link RolloutSummary}. How the planned rollout is driven is the
 * {@link RolloutDriver}'s: by default {@link LocalRolloutDriver} (this process upgrades every host);
 * in a cluster, one rollout per cell whose waves nodes of the cell's zone claim.
 */
public final class RolloutStage implements Stage {
    static final String CHECKPOINT = LocalRolloutDriver.CHECKPOINT;

    private final RolloutStore store;
    private final RolloutTargets targets;
    private final Drains drains;
    private final Optional<AptSourceLines> sourceLines;
    private final RolloutDriver driver;

    /** A stage whose runs give {@code version} and {@code apt-source} explicitly, with one drain for all. */
    public RolloutStage(RolloutStore store, RolloutTargets targets, Drain drain, Clock clock, IdGenerator ids) {
        this(store, targets, Drains.always(drain), Optional.empty(), clock, ids);
    }

    /**
     * @param drains      the drain of each environment (Nova's where it has a control plane)
     * @param sourceLines how hosts reach the apt repository the package stage published to; with it
     *                    a run that gives no {@code version}/{@code apt-source} rolls out what its
     *                    package stage published
     */
    public RolloutStage(RolloutStore store, RolloutTargets targets, Drains drains, Optional<AptSourceLines> sourceLines,
                        Clock clock, IdGenerator ids) {
        this(store, targets, drains, sourceLines, new LocalRolloutDriver(store, clock, ids));
    }

    /**
     * As {@link #RolloutStage(RolloutStore, RolloutTargets, Drains, Optional, Clock, IdGenerator)} with
     * {@code driver} driving the planned rollout (e.g. the cluster's, which queues each cell's waves).
     */
    public RolloutStage(RolloutStore store, RolloutTargets targets, Drains drains, Optional<AptSourceLines> sourceLines,
                        RolloutDriver driver) {
        this.store = store;
        this.targets = targets;
        this.drains = drains;
        this.sourceLines = sourceLines;
        this.driver = driver;
    }

    @Override
    public String type() {
        return RolloutStageType.ROLLOUT.name();
    }

    @Override
    public StageResult execute(StageContext context) {
        String environment = context.environment().name();
        RolloutTargets.Fleet fleet = targets.forRun(context);
        Drain drain;
        try {
            drain = drains.forEnvironment(environment, fleet);
        } catch (IllegalArgumentException e) { // e.g. a credential of the environment's Nova not set
            return StageResult.Failed.permanent("rollout: no way to drain the hosts of " + environment + ": " + e.getMessage());
        } catch (IllegalStateException e) { // its Nova not answering: no host is touched, a retry may do
            return StageResult.Failed.transientFailure("rollout: " + e.getMessage());
        }
        return driver.drive(context, fleet, drain, () -> {
            String packageName = packageName(context.params(), fleet);
            BuildRelease.Lookup release = release(context, packageName);
            if (release instanceof BuildRelease.Lookup.Missing missing) return new RolloutDriver.Plan.Refused(missing.reason());
            return new RolloutDriver.Plan.Ready(previousRelease(spec(context, fleet,
                    ((BuildRelease.Lookup.Found) release).release())));
        });
    }

    /**
     * The version and apt line to roll out: the parameters when both are given; otherwise what the
     * run's {@code package} stage published (the build's package fact), the parameters overriding it.
     */
    private BuildRelease.Lookup release(StageContext context, String packageName) {
        Parameters p = context.params();
        Optional<String> version = p.optionalString("version");
        Optional<String> aptSource = p.optionalString("apt-source");
        Optional<String> packageStage = context.pipeline() == null ? Optional.empty() : context.pipeline().stages().stream()
                .filter(s -> s.type().equals(PublishedBuild.FACT)).map(StageDef::name).findFirst();
        Optional<PublishedBuild> published = packageStage.flatMap(name -> context.output(name, PublishedBuild.class));
        if (published.isEmpty() || (version.isPresent() && aptSource.isPresent())) {
            return BuildRelease.given(version, aptSource, "give 'version' and 'apt-source', or run a package stage before"
                    + " the rollout in the same pipeline");
        }
        return BuildRelease.of(published.get(), packageName, sourceLines, version, aptSource);
    }

    /**
     * The apt line of the release the hosts ran before, for rolling a failed host back: the snapshot of the
     * environment's last successful rollout, at the repository's <em>current</em> URL when that rollout read
     * a build's snapshot (the URL it was served at then may be gone); else the engine's own lookup.
     */
    private RolloutSpec previousRelease(RolloutSpec spec) {
        if (spec.previousSource() != null || sourceLines.isEmpty()) return spec;
        return store.list().stream()
                .filter(r -> r.status() == ExecutionStatus.SUCCEEDED && r.spec().environment().equals(spec.environment())
                        && r.spec().packageName().equals(spec.packageName()) && !r.spec().buildId().equals(spec.buildId()))
                .max(java.util.Comparator.comparing(RolloutRecord::createdAt))
                .filter(r -> r.spec().aptSource().contains(" builds/" + r.spec().buildId() + " "))
                .map(r -> spec.withPreviousSource(sourceLines.get().forSuite("builds/" + r.spec().buildId())))
                .orElse(spec);
    }

    /** The package the stage rolls out: its parameter, else the environment's {@code rollout.package}. */
    static String packageName(Parameters p, RolloutTargets.Fleet fleet) {
        return p.optionalString("package").orElseGet(() -> fleet.environment()
                .map(EnvironmentTargets::packageName).orElse(RolloutSection.Settings.DEFAULT.packageName()));
    }

    static RolloutSpec spec(StageContext context, RolloutTargets.Fleet fleet, BuildRelease release) {
        Parameters p = context.params();
        String build = context.build().map(b -> b.id()).orElse(context.runId());
        if (fleet.environment().isPresent()) {
            return overrides(p, EnvironmentTargets.spec(fleet.environment().get(), build, release.version(),
                    release.aptSource()));
        }
        RolloutSpec spec = RolloutSpec.of(context.environment().name(), build, release.version(), release.aptSource());
        spec = spec.withPackage(p.optionalString("package").orElse("nova-compute"));
        List<Object> waves = p.list("waves");
        if (!waves.isEmpty()) spec = spec.withWaves(RolloutSpec.parseWaves(String.join(",", waves.stream().map(String::valueOf).toList())));
        spec = spec.withMaxParallel((int) p.optional("max-parallel", Number.class).map(Number::longValue).orElse(50L).longValue());
        spec = p.optionalString("failure-budget").map(FailureBudgetPolicy::parse).map(spec::withBudget).orElse(spec);
        if (p.optionalString("cell-order").orElse("parallel").equals("one-at-a-time")) spec = spec.withCellOrder(CellOrder.ONE_AT_A_TIME);
        spec = spec.withRollbackAll(p.optionalString("rollback").orElse("failed").equals("all"));
        return p.optional("command-timeout", Duration.class).map(spec::withCommandTimeout).orElse(spec);
    }

    /** The environment's plan with the parameters the stage gives explicitly. */
    private static RolloutSpec overrides(Parameters p, RolloutSpec spec) {
        Map<String, Object> given = p.asMap();
        if (given.containsKey("package")) spec = spec.withPackage(p.string("package"));
        if (given.containsKey("waves")) {
            spec = spec.withWaves(RolloutSpec.parseWaves(String.join(",", p.list("waves").stream().map(String::valueOf).toList())));
        }
        if (given.containsKey("max-parallel")) spec = spec.withMaxParallel((int) p.number("max-parallel"));
        if (given.containsKey("failure-budget")) spec = spec.withBudget(FailureBudgetPolicy.parse(p.string("failure-budget")));
        if (given.containsKey("cell-order")) {
            spec = spec.withCellOrder(p.string("cell-order").equals("one-at-a-time") ? CellOrder.ONE_AT_A_TIME : CellOrder.PARALLEL);
        }
        if (given.containsKey("rollback")) spec = spec.withRollbackAll(p.string("rollback").equals("all"));
        return p.optional("command-timeout", Duration.class).map(spec::withCommandTimeout).orElse(spec);
    }
}
