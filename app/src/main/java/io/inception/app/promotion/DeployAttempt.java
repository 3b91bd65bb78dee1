package io.inception.app.promotion;

import io.inception.app.puppet.PuppetPlan;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.rollout.EnvironmentTargets;
import io.inception.engine.rollout.HostPhase;
import io.inception.engine.rollout.HostRecord;
import io.inception.engine.rollout.InMemoryDrain;
import io.inception.engine.rollout.RolloutEngine;
import io.inception.engine.rollout.RolloutSpec;
import io.inception.engine.rollout.RolloutSummary;
import io.inception.engine.store.Store;
import io.inception.engine.wait.Pause;
import io.inception.engine.wait.WaitStrategy;
import io.inception.engine.wait.Waited;
import io.inception.puppet.apply.HostApply;
import io.inception.puppet.config.PuppetSection;
import io.inception.smoke.config.SmokeSection;
import io.inception.smoke.config.SmokeSettings;
import io.inception.smoke.deployed.DeployedEnvironment;
import io.inception.smoke.report.SmokeHistory;
import io.inception.smoke.run.SmokeReport;
import io.inception.smoke.run.SmokeSuite;
import io.inception.smoke.stage.SmokeReports;
import io.inception.smoke.stage.SmokeStage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** One deploy of one build to one environment, step by step, remembering what to undo. */
final class DeployAttempt {
    private final StagingDeploy.Request request;
    private final DeployTargets.Target target;
    private final String version;
    private final String commit;
    private final String previousCommit;
    private final SuitePointers suites;
    private final Store store;
    private final SshFleet ssh;
    private final Path home;
    private final Clock clock;
    private final Consumer<String> progress;
    private final Duration poll;
    private final RolloutEngine engine;
    private final List<String> done = new ArrayList<>();
    private boolean puppetApplied;
    private String rolloutId;
    private List<HostTarget> upgraded = List.of();

    DeployAttempt(StagingDeploy.Request request, DeployTargets.Target target, String version, String commit,
                  String previousCommit, SuitePointers suites, Store store, SshFleet ssh, Path home, Clock clock,
                  Consumer<String> progress, Duration poll) {
        this.request = request;
        this.target = target;
        this.version = version;
        this.commit = commit;
        this.previousCommit = previousCommit;
        this.suites = suites;
        this.store = store;
        this.ssh = ssh;
        this.home = home;
        this.clock = clock;
        this.progress = progress;
        this.poll = poll;
        this.engine = new RolloutEngine(store.rollouts(), ssh, new InMemoryDrain(), clock,
                IdGenerator.timeBased(clock, new Random()));
    }

    private String env() {
        return request.environment();
    }

    /** Puppet on the control VMs at the build's commit; empty when it went well (or there is no puppet: section). */
    Optional<String> puppet() {
        if (target.file().section(new PuppetSection()).isEmpty()) {
            if (commit != null) {
                return Optional.of(env() + " has no puppet: section, but build " + request.buildId()
                        + " was configured with Puppet @" + shortSha(commit) + ": add one so " + env()
                        + " gets the same manifests");
            }
            done.add("no Puppet (no puppet: section)");
            return Optional.empty();
        }
        Optional<String> failure = apply(commit, "Puppet");
        puppetApplied = true;
        return failure;
    }

    private Optional<String> apply(String ref, String what) {
        PuppetPlan plan = PuppetPlan.prepare(target.file(), target.controlVms(), target.sourceRoot(),
                home.resolve("cache/git"), ref, null);
        String at = plan.tree().commit().shortCommit();
        progress.accept(what + " @" + at + (ref == null ? " (the section's ref: the build recorded no commit)" : "")
                + " on " + plan.nodes().size() + " control VM(s) of " + env());
        Map<String, Object> hiera = new LinkedHashMap<>();
        hiera.put("inception::environment", env());
        hiera.put("inception::build::id", request.buildId());
        hiera.put("inception::build::version", version);
        hiera.put("inception::build::apt_source", target.aptSource());
        List<HostApply> hosts = plan.applier(ssh, hiera, Duration.ofMinutes(15)).run(plan.nodes(), false, 10, h -> { });
        List<HostApply> failed = hosts.stream().filter(h -> !h.ok()).toList();
        if (!failed.isEmpty()) {
            return Optional.of(what + " @" + at + " failed on " + failed.size() + " of " + hosts.size() + " control VM(s): "
                    + failed.stream().map(h -> h.host() + ": " + h.message()).collect(Collectors.joining("; ")));
        }
        done.add(what + " @" + at + " on " + hosts.size() + " control VM(s)");
        return Optional.empty();
    }

    /** The package rolled over the compute hosts, waiting at the file's pauses and manual gates. */
    Optional<String> rollout() {
        RolloutSpec spec = EnvironmentTargets.spec(target.file(), request.buildId(), version, target.aptSource())
                .withRollbackAll(true);
        rolloutId = engine.plan(spec, target.computeHosts());
        progress.accept("rollout " + rolloutId + ": " + spec.packageName() + " " + version + " on "
                + target.computeHosts().size() + " host(s) of " + env());
        RolloutSummary summary = engine.run(rolloutId);
        if (summary.status() == ExecutionStatus.WAITING) {
            Duration patience = PromotionSection.of(target.file()).gateTimeout();
            AtomicReference<String> said = new AtomicReference<>("");
            Consumer<RolloutSummary> tell = s -> {
                if (!s.message().equals(said.getAndSet(s.message()))) progress.accept("rollout " + rolloutId + ": " + s.message());
            };
            tell.accept(summary);
            Waited<RolloutSummary> past;
            try {
                past = new WaitStrategy(patience, poll, clock, Pause.SLEEP).poll("rollout " + rolloutId + " past its gates", () -> {
                    RolloutSummary s = engine.run(rolloutId);
                    if (s.status() != ExecutionStatus.WAITING) return Optional.of(s);
                    tell.accept(s);
                    return Optional.empty();
                }, said::get);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rollout " + rolloutId + " waited at a gate", e);
            }
            if (!(past instanceof Waited.Reached<RolloutSummary> reached)) {
                return Optional.of("rollout " + rolloutId + " still waiting after " + patience + " (" + said.get() + ")");
            }
            summary = reached.value();
        }
        progress.accept("rollout " + rolloutId + ": " + summary.line());
        if (summary.status() != ExecutionStatus.SUCCEEDED) return Optional.of("rollout " + rolloutId + ": " + summary.line());
        upgraded = store.rollouts().hosts(rolloutId).stream().filter(h -> h.phase() == HostPhase.DONE)
                .map(HostRecord::host).toList();
        done.add(upgraded.size() + " of " + summary.hosts() + " host(s) on " + spec.packageName() + " " + version
                + " (rollout " + rolloutId + ")");
        return Optional.empty();
    }

    /** The environment's smoke suite against the upgraded hosts; the report is kept with the build. */
    Optional<String> smoke() {
        SmokeSettings settings = target.file().section(new SmokeSection()).orElse(SmokeSettings.DEFAULT);
        DeployedEnvironment deployed = new DeployedEnvironment(env(), target.cloud(), null, version, request.snapshot(),
                upgraded, target.ssh(), null);
        Path folder = home.resolve("runs").resolve(request.promotionId()).resolve("smoke");
        SmokeReport report = SmokeSuite.standard().withClock(clock).run(deployed, settings, folder);
        Path index = SmokeReports.generate(report, request.promotionId(), new SmokeHistory(home.resolve("smoke-history")));
        store.builds().putFact(request.buildId(), SmokeStage.factName(env()), report);
        progress.accept(report.line());
        progress.accept("Allure report: " + index.toUri() + "  (inception report " + request.promotionId() + ")");
        if (!report.passed()) return Optional.of(report.line());
        done.add("smoke " + report.verdict());
        return Optional.empty();
    }

    /** What the deploy did, in one line. */
    String summary() {
        return String.join("; ", done);
    }

    /** Puts back what this attempt changed after {@code why}; says what it did. */
    String undo(String why) {
        List<String> undone = new ArrayList<>();
        if (rolloutId != null) {
            if (request.previousBuild() != null) {
                try {
                    suites.point(env(), request.previousBuild());
                } catch (java.io.IOException e) {
                    undone.add("suite " + env() + " could not be put back on " + request.previousBuild() + " before the"
                            + " rollback: " + e.getMessage());
                }
            }
            RolloutSummary back = engine.rollbackAll(rolloutId);
            store.rollouts().setStatus(rolloutId, ExecutionStatus.FAILED, "rolled back: promotion "
                    + request.promotionId() + " failed: " + why);
            long still = store.rollouts().hosts(rolloutId).stream().filter(h -> h.phase() == HostPhase.DONE).count();
            undone.add(back.count(HostPhase.ROLLED_BACK) + " host(s) rolled back to their previous version"
                    + (still > 0 ? ", " + still + " could not be" : ""));
        }
        if (puppetApplied) {
            if (previousCommit == null) {
                undone.add("control VMs keep Puppet @" + (commit == null ? "the section's ref" : shortSha(commit))
                        + " (no earlier promotion recorded a Puppet commit to go back to)");
            } else if (!previousCommit.equals(commit)) {
                try {
                    undone.add(apply(previousCommit, "back to Puppet").map(f -> "could not put the control VMs back: " + f)
                            .orElse("control VMs back on Puppet @" + shortSha(previousCommit)));
                } catch (RuntimeException e) {
                    undone.add("could not put the control VMs back on Puppet @" + shortSha(previousCommit) + ": "
                            + e.getMessage());
                }
            }
        }
        return undone.isEmpty() ? "no host was changed" : String.join("; ", undone);
    }

    private static String shortSha(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
