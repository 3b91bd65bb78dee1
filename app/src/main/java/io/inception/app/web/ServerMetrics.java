package io.inception.app.web;

import io.inception.app.release.EnvironmentLag;
import io.inception.app.release.LagBehindTrunk;
import io.inception.engine.model.BranchHead;
import io.inception.engine.model.Build;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageRun;
import io.inception.engine.rollout.HostRecord;
import io.inception.engine.rollout.RolloutRecord;
import io.inception.engine.store.Store;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code /metrics}: Prometheus text from Micrometer, every value read from the store at scrape time (so a
 * second server, or the CLI, changing the store is seen too): runs by status, stage durations, rollout hosts
 * by state, merge conflicts, lag behind trunk per environment, labs.
 */
final class ServerMetrics {
    private static final int RECENT_RUNS = 200;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Store store;
    private final LagBehindTrunk lag;
    private final Supplier<Integer> labs;
    private final Clock clock;
    private final Duration lagEvery;
    private final MultiGauge runs;
    private final MultiGauge hosts;
    private final MultiGauge conflicts;
    private final MultiGauge lagDays;
    private final MultiGauge lagCommits;
    private final Map<String, double[]> stageTotals = new ConcurrentHashMap<>();
    private final Set<String> timedStages = new HashSet<>();
    private List<EnvironmentLag> lastLag = List.of();
    private Instant lagAt = Instant.MIN;

    ServerMetrics(Store store, LagBehindTrunk lag, Supplier<Integer> labs, Clock clock, Duration lagEvery) {
        this.store = store;
        this.lag = lag;
        this.labs = labs;
        this.clock = clock;
        this.lagEvery = lagEvery;
        runs = MultiGauge.builder("inception.runs").description("Recent pipeline runs by status").register(registry);
        hosts = MultiGauge.builder("inception.rollout.hosts")
                .description("Hosts of each environment's latest rollout, by phase").register(registry);
        conflicts = MultiGauge.builder("inception.merge.conflicts")
                .description("Custom branches that conflicted in the latest build").register(registry);
        lagDays = MultiGauge.builder("inception.environment.lag.days")
                .description("Days since the oldest trunk commit the environment's build lacks").register(registry);
        lagCommits = MultiGauge.builder("inception.environment.lag.commits")
                .description("Trunk commits the environment's build lacks").register(registry);
        if (labs != null) {
            io.micrometer.core.instrument.Gauge.builder("inception.labs", labs, s -> s.get())
                    .description("Live labs").register(registry);
        }
    }

    synchronized String scrape() {
        refreshRuns();
        refreshRollouts();
        refreshConflicts();
        refreshLag();
        return registry.scrape();
    }

    private void refreshRuns() {
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, double[]> totals = new TreeMap<>();
        for (Run r : store.runs().list(RECENT_RUNS)) {
            byStatus.merge(r.status().name(), 1, Integer::sum);
            for (StageRun s : store.stages().list(r.id())) {
                if (s.startedAt() == null || s.finishedAt() == null) continue;
                double[] t = totals.computeIfAbsent(s.name(), k -> new double[2]);
                t[0]++;
                t[1] += Duration.between(s.startedAt(), s.finishedAt()).toMillis() / 1000.0;
            }
        }
        runs.register(byStatus.entrySet().stream().map(e -> MultiGauge.Row.of(Tags.of("status", e.getKey()),
                e.getValue())).toList(), true);
        stageTotals.putAll(totals);
        for (String stage : totals.keySet()) {
            if (timedStages.add(stage)) {
                FunctionTimer.builder("inception.stage.duration", stageTotals,
                                m -> (long) m.getOrDefault(stage, new double[2])[0],
                                m -> m.getOrDefault(stage, new double[2])[1], java.util.concurrent.TimeUnit.SECONDS)
                        .tag("stage", stage).description("Finished stages of recent runs").register(registry);
            }
        }
    }

    private void refreshRollouts() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        Set<String> envs = new HashSet<>();
        for (RolloutRecord r : store.rollouts().list()) {
            if (!envs.add(r.spec().environment())) continue; // newest first: the latest per environment
            Map<String, Integer> byPhase = new TreeMap<>();
            for (HostRecord h : store.rollouts().hosts(r.id())) byPhase.merge(h.phase().name(), 1, Integer::sum);
            byPhase.forEach((phase, n) -> rows.add(MultiGauge.Row.of(Tags.of("environment", r.spec().environment(),
                    "rollout", r.id(), "phase", phase), n)));
        }
        hosts.register(rows, true);
    }

    private void refreshConflicts() {
        List<Build> latest = store.builds().list(1);
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Build b : latest) {
            long n = b.branches().stream().map(BranchHead::status).filter("CONFLICT"::equals).count();
            rows.add(MultiGauge.Row.of(Tags.of("build", b.id()), n));
        }
        conflicts.register(rows, true);
    }

    private void refreshLag() {
        if (lag == null) return;
        Instant now = clock.instant();
        if (Duration.between(lagAt, now).compareTo(lagEvery) >= 0) {
            lastLag = lag.all();
            lagAt = now;
        }
        List<MultiGauge.Row<?>> days = new ArrayList<>();
        List<MultiGauge.Row<?>> commits = new ArrayList<>();
        for (EnvironmentLag l : lastLag) {
            if (l.commits() < 0) continue;
            days.add(MultiGauge.Row.of(Tags.of("environment", l.environment()), l.days()));
            commits.add(MultiGauge.Row.of(Tags.of("environment", l.environment()), l.commits()));
        }
        lagDays.register(days, true);
        lagCommits.register(commits, true);
    }

    /** The lag as last computed for the metrics (so the dashboard and the scrape agree). */
    synchronized List<EnvironmentLag> lag() {
        if (lag == null) return List.of();
        if (Duration.between(lagAt, clock.instant()).compareTo(lagEvery) >= 0) {
            lastLag = lag.all();
            lagAt = clock.instant();
        }
        return lastLag;
    }
}
