package io.inception.puppet.stage;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.stage.Parameters;
import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;
import io.inception.puppet.apply.HostApply;
import io.inception.puppet.apply.PuppetApplier;
import io.inception.puppet.config.PuppetConfig;
import io.inception.puppet.config.PuppetSection;
import io.inception.puppet.manifests.ManifestSource;
import io.inception.puppet.manifests.ManifestTree;
import io.inception.puppet.node.Classification;
import io.inception.puppet.node.Credentials;
import io.inception.puppet.node.HieraRenderer;
import io.inception.puppet.node.PuppetNode;
import io.inception.puppet.validate.ManifestTestReport;
import io.inception.puppet.validate.ManifestTestStageType;
import org.slf4j.MDC;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code puppet} stage: pins the environment's manifests to a commit (kept as a checkpoint, so a
 * resumed run applies the same commit), then applies them to the environment's control VMs (and/or
 * compute hosts) in the background while {@code execute} returns {@code Running} with progress.
 * After a restart the applies run again at the checkpointed commit — {@code puppet apply} is
 * idempotent. Output: {@link PuppetStageReport} (a fact of the build: the manifest commit).
 */
public final class PuppetStage implements Stage {
    static final String COMMIT = "manifest-commit";
    private static final Duration POLL = Duration.ofMillis(500);

    private final PuppetTargets targets;
    private final ManifestSource manifests;
    /** Applies this process is running, by run and stage (process state, gone after a restart). */
    private final Map<String, Job> active = new ConcurrentHashMap<>();

    private record Job(CompletableFuture<PuppetStageReport> result, AtomicInteger done, int total) {
    }

    private final Function<String, String> processEnvironment;

    /** @param cacheDir where remote manifest repositories are mirrored */
    public PuppetStage(PuppetTargets targets, Path cacheDir) {
        this(targets, cacheDir, System::getenv);
    }

    /** @param processEnvironment where {@code env:} credentials are read (the process environment) */
    public PuppetStage(PuppetTargets targets, Path cacheDir, Function<String, String> processEnvironment) {
        this.targets = targets;
        this.manifests = new ManifestSource(cacheDir);
        this.processEnvironment = processEnvironment;
    }

    @Override
    public String type() {
        return PuppetStageType.PUPPET.name();
    }

    @Override
    public StageResult execute(StageContext context) {
        String key = context.runId() + "/" + context.stage().name();
        Job job = active.get(key);
        if (job == null) {
            PuppetTargets.Targets t = targets.forRun(context);
            PuppetConfig config = t.environment().section(new PuppetSection()).orElse(null);
            if (config == null) {
                return StageResult.Failed.permanent("environment " + t.environment().name() + " has no puppet: section");
            }
            Parameters p = context.params();
            PipelineDef pipeline = context.pipeline();
            String ref = context.checkpoints().get(COMMIT).or(() -> p.optionalString("ref")).orElseGet(() -> testedCommit(context));
            ManifestTree tree = manifests.read(config, pipeline == null ? null : pipeline.repo(),
                    pipeline == null ? null : pipeline.commit(), ref);
            context.checkpoints().put(COMMIT, tree.commit().commit());
            List<PuppetNode> nodes = nodes(config, t, p.optionalString("hosts").orElse("control"));
            context.log().info("puppet: " + nodes.size() + " host(s), manifests " + tree.commit().repo() + " @" + tree.commit().shortCommit());
            job = active.computeIfAbsent(key, k -> start(context, t, config, tree, nodes));
        }
        if (!job.result().isDone()) {
            return StageResult.running(POLL, "puppet: " + job.done().get() + "/" + job.total() + " host(s) done");
        }
        active.remove(key);
        PuppetStageReport report;
        try {
            report = job.result().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) return StageResult.Failed.permanent("puppet: " + bad.getMessage());
            throw e;
        }
        report.hosts().stream().filter(h -> !h.ok()).forEach(h -> context.log().warn(h.host() + ": " + h.message()));
        if (report.hosts().stream().allMatch(HostApply::ok)) return StageResult.succeeded(report.line(), report);
        return StageResult.Failed.permanent("puppet: " + report.line() + "; " + report.hosts().stream().filter(h -> !h.ok())
                .map(h -> h.host() + ": " + h.message()).collect(Collectors.joining("; ")));
    }

    /**
     * The manifest commit an earlier {@code puppet-validate} stage of this run tested, so the run applies
     * what it tested even if the branch moved meanwhile; null when the run has no such stage.
     */
    static String testedCommit(StageContext context) {
        PipelineDef pipeline = context.pipeline();
        if (pipeline == null) return null;
        for (var def : pipeline.stages()) {
            if (def.name().equals(context.stage().name())) break;
            if (!def.type().equals(ManifestTestStageType.PUPPET_VALIDATE.name())) continue;
            var tested = context.output(def.name(), ManifestTestReport.class);
            if (tested.isPresent()) return tested.get().manifests().commit();
        }
        return null;
    }

    static List<PuppetNode> nodes(PuppetConfig config, PuppetTargets.Targets t, String which) {
        List<HostTarget> hosts = new ArrayList<>();
        if (!which.equals("compute")) hosts.addAll(t.control());
        if (!which.equals("control")) hosts.addAll(t.compute());
        Set<String> computeNames = t.compute().stream().map(HostTarget::name).collect(Collectors.toSet());
        return Classification.classify(config, hosts, computeNames);
    }

    /** Hiera values of the build: its id, package version and apt snapshot line. */
    static Map<String, Object> buildHiera(StageContext context) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("inception::build::id", context.build().map(b -> b.id()).orElse(context.runId()));
        context.params().optionalString("version").ifPresent(v -> values.put("inception::build::version", v));
        context.params().optionalString("apt-source").ifPresent(v -> values.put("inception::build::apt_source", v));
        values.put("inception::environment", context.environment().name());
        return values;
    }

    private Job start(StageContext context, PuppetTargets.Targets t, PuppetConfig config, ManifestTree tree, List<PuppetNode> nodes) {
        EnvironmentFile env = t.environment();
        Parameters p = context.params();
        boolean noop = p.bool("noop", false);
        int parallel = (int) p.optional("max-parallel", Number.class).map(Number::longValue).orElse(10L).longValue();
        Duration timeout = p.optional("command-timeout", Duration.class).orElse(Duration.ofMinutes(15));
        Map<String, Object> build = buildHiera(context);
        Map<String, String> mdc = Map.of("run", context.runId(), "stage", context.stage().name());
        AtomicInteger done = new AtomicInteger();
        CompletableFuture<PuppetStageReport> result = CompletableFuture.supplyAsync(() -> {
            MDC.setContextMap(mdc);
            try (SshFleet fleet = SshFleet.open(t.settings())) {
                PuppetApplier applier = new PuppetApplier(tree, new HieraRenderer(config, new Credentials(env.credentials(), processEnvironment)),
                        build, fleet, timeout);
                List<HostApply> hosts = applier.run(nodes, noop, parallel, h -> {
                    done.incrementAndGet();
                    context.log().info(h.host() + ": " + h.message());
                });
                return new PuppetStageReport(tree.commit(), noop, hosts);
            } finally {
                MDC.clear();
            }
        }, runnable -> {
            Thread th = new Thread(runnable, "puppet-" + context.runId());
            th.setDaemon(true);
            th.start();
        });
        return new Job(result, done, nodes.size());
    }
}
