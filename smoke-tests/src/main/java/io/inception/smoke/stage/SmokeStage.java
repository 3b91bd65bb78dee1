package io.inception.smoke.stage;

import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;
import io.inception.engine.store.BuildRepository;
import io.inception.smoke.config.SmokeSettings;
import io.inception.smoke.deployed.DeployedEnvironment;
import io.inception.smoke.deployed.DeployedEnvironmentSource;
import io.inception.smoke.report.SmokeHistory;
import io.inception.smoke.run.SmokeReport;
import io.inception.smoke.run.SmokeSuite;
import org.slf4j.MDC;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code smoke} stage: runs the smoke suite against the deployed environment in the background
 * while {@code execute} returns {@code Running} with the last finished test, then stores the
 * {@link SmokeReport} with the build as fact {@code smoke:<environment>} (passed or not, so the
 * failures and their messages stay with the build), makes the Allure HTML report with the
 * environment's history, and succeeds only when the suite passed. A run resumed after a crash runs
 * the suite again from the start: smoke tests change nothing they do not clean up.
 */
public final class SmokeStage implements Stage {
    private static final Duration POLL = Duration.ofMillis(500);

    private final DeployedEnvironmentSource source;
    private final BuildRepository builds;
    private final SmokeHistory history;
    private final SmokeSuite suite;
    /** Suites this process is running now, by run and stage. */
    private final Map<String, Job> active = new ConcurrentHashMap<>();

    private record Job(CompletableFuture<SmokeReport> report, AtomicReference<String> progress) {
    }

    /**
     * @param source  what was deployed, per run
     * @param builds  where the report is kept with the build
     * @param history where each environment's Allure history is kept (e.g. {@code <home>/smoke-history})
     * @param clock   the clock of the suite
     */
    public SmokeStage(DeployedEnvironmentSource source, BuildRepository builds, SmokeHistory history, Clock clock) {
        this.source = source;
        this.builds = builds;
        this.history = history;
        this.suite = SmokeSuite.standard().withClock(clock);
    }

    /** The fact name under which a build keeps an environment's smoke report. */
    public static String factName(String environment) {
        return "smoke:" + environment;
    }

    @Override
    public String type() {
        return SmokeStageType.SMOKE.name();
    }

    @Override
    public StageResult execute(StageContext context) throws Exception {
        String key = context.runId() + "/" + context.stage().name();
        Job job = active.get(key);
        if (job == null) {
            job = start(context);
            active.put(key, job);
        }
        if (!job.report().isDone()) return StageResult.running(POLL, "smoke: " + job.progress().get());
        active.remove(key);
        SmokeReport report = job.report().join();
        Path index = SmokeReports.generate(report, context.runId(), history);
        context.artifacts().put("smoke-report.json", SmokeReports.writeJson(report, Path.of(report.allureResults()).getParent()));
        context.build().ifPresent(b -> builds.putFact(b.id(), factName(report.environment()), report));
        context.log().info(report.line());
        report.failures().forEach(f -> context.log().warn("FAILED " + f.id() + ": " + f.message()));
        report.flaky().forEach(f -> context.log().warn("FLAKY " + f.id() + " passed on attempt " + f.attempts() + " after: " + f.message()));
        report.quarantined().forEach(f -> context.log().info("QUARANTINED " + f.id() + " " + f.status()
                + (f.message() == null ? "" : ": " + f.message())));
        context.log().info("Allure report: " + index);
        if (report.passed()) return StageResult.succeeded(report.line(), report);
        return StageResult.Failed.permanent(report.line());
    }

    private Job start(StageContext context) throws Exception {
        DeployedEnvironment env = source.resolve(context);
        env = context.params().optionalString("version").map(env::withExpectedVersion).orElse(env);
        SmokeSettings settings = RunSmokeSettings.of(context);
        Path folder = context.artifacts().directory();
        AtomicReference<String> progress = new AtomicReference<>("starting " + settings.tags());
        context.log().info("smoke suite [" + settings.tags() + "] against " + env.name() + ": " + env.computeHosts().size()
                + " compute hosts, expecting " + env.packageName() + " " + env.expectedVersion()
                + (settings.quarantine().isEmpty() ? "" : ", quarantined: " + String.join(", ", settings.quarantine())));
        DeployedEnvironment target = env;
        Map<String, String> mdc = Map.of("run", context.runId(), "stage", context.stage().name());
        CompletableFuture<SmokeReport> report = CompletableFuture.supplyAsync(() -> {
            MDC.setContextMap(mdc);
            try {
                return suite.withProgress(progress::set).run(target, settings, folder);
            } finally {
                MDC.clear();
            }
        }, runnable -> {
            Thread t = new Thread(runnable, "smoke-" + context.runId());
            t.setDaemon(true);
            t.start();
        });
        return new Job(report, progress);
    }
}
