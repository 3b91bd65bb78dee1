package io.inception.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.inception.app.Inception;
import io.inception.app.env.EnvOptions;
import io.inception.app.rollout.BuildReleases;
import io.inception.app.rollout.RolloutDrains;
import io.inception.app.rollout.RolloutWiring;
import io.inception.engine.rollout.BuildRelease;
import io.inception.engine.rollout.Drain;
import io.inception.inova.environment.Credentials;
import io.inception.inova.environment.InovaConnector;
import io.inception.engine.rollout.CellOrder;
import io.inception.engine.rollout.EnvironmentTargets;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.rollout.FailureBudgetPolicy;
import io.inception.engine.rollout.HostRecord;
import io.inception.engine.rollout.InMemoryDrain;
import io.inception.engine.rollout.RolloutEngine;
import io.inception.engine.rollout.RolloutSpec;
import io.inception.engine.rollout.RolloutSummary;
import io.inception.engine.rollout.RolloutTargets;
import io.inception.engine.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code inception rollout --env E --build B} and {@code rollout resume|rollback|approve|show <id>}.
 * The package version and the apt line come from what the build published (its {@code package}
 * fact: the version, and the snapshot {@code builds/<id>} at {@code --repo-url}); {@code
 * --package-version} and {@code --apt-source} override them. The hosts, cells, waves (with their
 * pauses and manual gates), failure budget and the {@code rollout:} section come from the
 * environment file at {@code --repo/--ref}; options given on the command line override the file.
 * {@code --inventory} (the document {@code inception sandbox up --json} prints) replaces the file's
 * hosts for ad-hoc use. Hosts are drained through Nova (the environment's iNova) where the file has
 * a {@code control-plane:} section, else by a stand-in that only records it.
 */
@Command(name = "rollout", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
        description = "Upgrade a package on every host of an environment in waves, with a failure budget and rollback.",
        subcommands = {RolloutCommand.Resume.class, RolloutCommand.Rollback.class, RolloutCommand.Approve.class,
                RolloutCommand.Show.class},
        footer = {"", "Examples:", "  inception hosts trust qe",
                "  inception rollout --env qe --build b-42        (the version and snapshot the build published)",
                "  inception rollout --env qe --build b-42 --repo-url http://10.0.0.5:8480/apt",
                "  inception rollout --env qe --build b-42 --package-version 2.0-1 \\",
                "      --apt-source 'deb [signed-by=/etc/apt/keyrings/inception.asc] http://repo:8480/apt/ qe main'",
                "  inception rollout approve ro-20261127-040000-1a2b      (a wave with gate: manual)",
                "  inception sandbox up --hosts 200 --cells 2 --json > sandbox.json &",
                "  inception rollout --env local --build b-42 --package-version 2.0-1 \\",
                "      --apt-source 'deb [trusted=yes] http://127.0.0.1:8080/builds/b-42 stable main' --inventory sandbox.json",
                "  inception rollout show ro-20261127-040000-1a2b"})
public final class RolloutCommand implements Callable<Integer> {
    static final ObjectMapper JSON = RunsCommand.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT);
    static final String DEFAULT_WAVES = "1,5%,25%,100%";

    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    ConfigRepoOptions config = new ConfigRepoOptions();

    @Option(names = "--env", description = "The environment to roll out to (its file gives hosts, waves, budget).")
    String env;

    @Option(names = "--build", description = "The build id whose package is rolled out.")
    String build;

    @Option(names = "--package-version", description = "The package version to install (default: the build's).")
    String version;

    @Option(names = "--apt-source", description = "The 'deb ...' line hosts read (default: the line of the build's"
            + " snapshot builds/<id> at --repo-url).")
    String aptSource;

    @Option(names = "--repo-url", paramLabel = "URL", description = "Where hosts read the apt repository (default: "
            + BuildReleases.SERVER_REPO_URL + " when `inception server` serves this repository there, else its folder"
            + " as a file: URL).")
    String repoUrl;

    @Option(names = "--inova", paramLabel = "FILE", description = "For an environment on the sandbox iNova: the JSON"
            + " `inception sandbox up --json` printed (the drain logs in there).")
    Path inova;

    @Option(names = "--package", description = "Package and service (default: the environment's, else nova-compute).")
    String packageName;

    @Option(names = "--inventory", paramLabel = "FILE",
            description = "Hosts and SSH login as JSON, e.g. what `inception sandbox up --json` prints (instead of the"
                    + " environment file's hosts).")
    Path inventory;

    @Option(names = "--waves", description = "Batch sizes, e.g. " + DEFAULT_WAVES + " (default: the environment's).")
    String waves;

    @Option(names = "--max-parallel", description = "Hosts at once per wave (default: the environment's, else 50).")
    Integer maxParallel;

    @Option(names = "--failure-budget", description = "Failures allowed after the strict first waves: a count or N%%.")
    String failureBudget;

    @Option(names = "--cell-order", description = "parallel (every wave touches every cell) or one-at-a-time.")
    String cellOrder;

    @Option(names = "--rollback-all", description = "When the budget is spent, roll back the upgraded hosts too.")
    boolean rollbackAll;

    @Option(names = "--gate-timeout", defaultValue = "24h",
            description = "How long to wait at a pause or manual gate before giving up (the rollout stays resumable;"
                    + " default: ${DEFAULT-VALUE}).")
    String gateTimeout;

    @Option(names = "--json", description = "Print the final summary as one JSON document instead of live progress.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (env == null || build == null) {
            System.err.println("inception rollout: --env and --build are required"
                    + " (or say `rollout resume|rollback|approve|show <id>`)");
            return 2;
        }
        try (Inception inception = store.open(); RolloutDrains drains = drains(inova)) {
            RolloutTargets.Fleet fleet = inventory != null ? FleetInventory.load(inventory, knownHosts(inception, env))
                    : targets(inception, config).forEnvironment(env);
            String pkg = packageName != null ? packageName
                    : fleet.environment().map(EnvironmentTargets::packageName).orElse("nova-compute");
            String url = repoUrl != null ? repoUrl : BuildReleases.defaultRepoUrl(inception.home().dir().resolve("apt"));
            BuildRelease.Lookup lookup = new BuildReleases(inception.store().builds(), inception.home().packaging(
                    Clock.systemUTC())).find(build, pkg, url, Optional.ofNullable(version), Optional.ofNullable(aptSource));
            if (lookup instanceof BuildRelease.Lookup.Missing missing) {
                System.err.println("inception rollout: " + missing.reason());
                return 2;
            }
            BuildRelease release = ((BuildRelease.Lookup.Found) lookup).release();
            RolloutSpec planned = options(fleet.environment()
                    .map(file -> EnvironmentTargets.spec(file, build, release.version(), release.aptSource()))
                    .orElseGet(() -> RolloutSpec.of(env, build, release.version(), release.aptSource())));
            Optional<Drain> drain = drain(drains, env, fleet);
            if (drain.isEmpty()) return 2;
            String id = engine(inception.store(), null, drain.get()).plan(planned, fleet.hosts());
            if (!json) {
                System.out.println("rollout " + id + ": " + fleet.hosts().size() + " hosts, " + planned.packageName()
                        + " " + planned.version() + " from " + planned.aptSource() + "; drain: "
                        + (RolloutDrains.throughNova(fleet) ? "Nova (control-plane of " + env + ")" : "recorded only"));
            }
            return follow(inception.store(), fleet, drain.get(), id, json, RunCommand.Durations.parse(gateTimeout),
                    e -> e.run(id));
        }
    }

    /** The environment's drain, or empty (having said why) when its Nova cannot be used. */
    static Optional<Drain> drain(RolloutDrains drains, String env, RolloutTargets.Fleet fleet) {
        try {
            return Optional.of(drains.forEnvironment(env, fleet));
        } catch (IllegalArgumentException | RolloutDrains.NovaUnreachable e) {
            System.err.println("inception rollout: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Nova's drain for environments with a control plane (the sandbox's login from {@code inova}), else the stand-in. */
    static RolloutDrains drains(Path inova) throws java.io.IOException {
        return RolloutDrains.of(new InovaConnector(Credentials.system(), EnvOptions.sandboxLogin(inova), Clock.systemUTC()));
    }

    /** The plan with what the command line says explicitly. */
    RolloutSpec options(RolloutSpec spec) {
        if (packageName != null) spec = spec.withPackage(packageName);
        if (waves != null) spec = spec.withWaves(RolloutSpec.parseWaves(waves));
        if (maxParallel != null) spec = spec.withMaxParallel(maxParallel);
        if (failureBudget != null) {
            FailureBudgetPolicy b = FailureBudgetPolicy.parse(failureBudget);
            spec = spec.withBudget(new FailureBudgetPolicy(spec.budget().strictWaves(), b.maxFailed()));
        }
        if (cellOrder != null) {
            if (!cellOrder.equals("parallel") && !cellOrder.equals("one-at-a-time")) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--cell-order must be parallel or one-at-a-time, not '" + cellOrder + "'");
            }
            spec = spec.withCellOrder(cellOrder.equals("parallel") ? CellOrder.PARALLEL : CellOrder.ONE_AT_A_TIME);
        }
        if (rollbackAll) spec = spec.withRollbackAll(true);
        return spec;
    }

    /** The environment files at the config ref, with the managed known_hosts under $INCEPTION_HOME. */
    static EnvironmentTargets targets(Inception inception, ConfigRepoOptions config) {
        return RolloutWiring.targets(inception.home(), config.location(), config.ref());
    }

    static Path knownHosts(Inception inception, String env) {
        return inception.home().dir().resolve("known_hosts").resolve(env);
    }

    static RolloutEngine engine(Store store, SshFleet fleet, Drain drain) {
        Clock clock = Clock.systemUTC();
        return new RolloutEngine(store.rollouts(), fleet, drain, clock, IdGenerator.timeBased(clock, new Random()));
    }

    /**
     * Runs {@code work} on a worker while printing progress every second; at a pause or manual gate
     * waits (checking every second, at most {@code gateTimeout}) and goes on. Exit 0 when SUCCEEDED.
     */
    static int follow(Store store, RolloutTargets.Fleet fleet, Drain drain, String id, boolean json, Duration gateTimeout,
                      Function<RolloutEngine, RolloutSummary> work) throws Exception {
        PrintStream out = System.out;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try (SshFleet ssh = SshFleet.open(fleet.settings())) {
            RolloutEngine engine = engine(store, ssh, drain);
            if (!json) {
                // on a terminal a line every second; in a log only when the counts change
                boolean terminal = System.console() != null;
                java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>("");
                ticker.scheduleAtFixedRate(() -> {
                    RolloutSummary now = engine.summary(id);
                    if (terminal || !now.line().equals(last.getAndSet(now.line()))) {
                        out.println(progress(store.rollouts().hosts(id), now, Clock.systemUTC().instant()));
                    }
                }, 1, 1, TimeUnit.SECONDS);
            }
            RolloutSummary summary = CompletableFuture.supplyAsync(() -> work.apply(engine)).get();
            java.time.Instant deadline = java.time.Instant.now().plus(gateTimeout);
            String said = "";
            while (summary.status() == io.inception.engine.model.ExecutionStatus.WAITING) {
                if (!summary.message().equals(said)) System.err.println("rollout " + id + ": " + summary.message());
                said = summary.message();
                if (java.time.Instant.now().isAfter(deadline)) {
                    System.err.println("rollout " + id + ": gave up after " + gateTimeout + " (" + said
                            + "); it stays WAITING: `inception rollout resume " + id + "` goes on");
                    ticker.shutdownNow();
                    print(out, summary, json);
                    return 1;
                }
                summary = CompletableFuture.supplyAsync(() -> engine.run(id),
                        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)).get();
            }
            ticker.shutdownNow();
            print(out, summary, json);
            return summary.status() == io.inception.engine.model.ExecutionStatus.SUCCEEDED ? 0 : 1;
        } finally {
            ticker.shutdownNow();
        }
    }

    /**
     * One progress line: the wave in flight (of how many), the counts by phase, and the three hosts
     * in flight the longest, e.g. {@code wave 2/4 | RUNNING 200 hosts: 9 done, 0 rolled back, 0 failed,
     * 2 in flight, 189 pending | slowest: c1-004 upgrading 41s, c2-101 draining 3s}.
     */
    static String progress(List<HostRecord> hosts, RolloutSummary summary, java.time.Instant now) {
        int waves = hosts.stream().mapToInt(HostRecord::wave).max().orElse(-1) + 1;
        int wave = hosts.stream().filter(h -> h.phase().inFlight()).mapToInt(HostRecord::wave).min()
                .orElse(hosts.stream().filter(h -> !h.phase().isFinal()).mapToInt(HostRecord::wave).min().orElse(-1));
        String slowest = hosts.stream().filter(h -> h.phase().inFlight() && h.startedAt() != null)
                .sorted(Comparator.comparing(HostRecord::startedAt)).limit(3)
                .map(h -> h.host().name() + " " + h.phase().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + Duration.between(h.startedAt(), now).toSeconds() + "s")
                .reduce((a, b) -> a + ", " + b).orElse("");
        return (wave >= 0 ? "wave " + (wave + 1) + "/" + waves + " | " : "") + summary.line()
                + (slowest.isEmpty() ? "" : " | slowest: " + slowest);
    }

    static void print(PrintStream out, RolloutSummary summary, boolean json) throws Exception {
        if (json) {
            out.println(JSON.writeValueAsString(summary));
            return;
        }
        out.println(summary.line());
        summary.failed().forEach(f -> out.println("  " + f));
    }

    /**
     * What {@code resume} and {@code rollback} share: an existing rollout, driven with the login of
     * its environment file (or of an inventory document).
     */
    abstract static class OnRollout implements Callable<Integer> {
        @Mixin
        StoreOptions store = new StoreOptions();
        @Mixin
        ConfigRepoOptions config = new ConfigRepoOptions();
        @Parameters(paramLabel = "ROLLOUT_ID")
        String id;
        @Option(names = "--inventory", paramLabel = "FILE",
                description = "SSH login (user, key) as JSON instead of the environment file's.")
        Path inventory;
        @Option(names = "--gate-timeout", defaultValue = "24h", description = "How long to wait at a gate (default: ${DEFAULT-VALUE}).")
        String gateTimeout;
        @Option(names = "--inova", paramLabel = "FILE", description = "For an environment on the sandbox iNova: the"
                + " JSON `inception sandbox up --json` printed.")
        Path inova;
        @Option(names = "--json")
        boolean json;

        abstract int act(Inception inception, RolloutTargets.Fleet fleet, Drain drain) throws Exception;

        @Override
        public Integer call() throws Exception {
            try (Inception inception = store.open(); RolloutDrains drains = drains(inova)) {
                var rollout = inception.store().rollouts().find(id);
                if (rollout.isEmpty()) return noSuchRollout(id);
                String environment = rollout.get().spec().environment();
                RolloutTargets.Fleet fleet = inventory != null
                        ? FleetInventory.load(inventory, knownHosts(inception, environment))
                        : targets(inception, config).forEnvironment(environment);
                Optional<Drain> drain = drain(drains, environment, fleet);
                return drain.isEmpty() ? 2 : act(inception, fleet, drain.get());
            }
        }
    }

    /** {@code inception rollout resume <id>}. */
    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Continue an interrupted rollout: final hosts are skipped, in-flight hosts re-checked.")
    static final class Resume extends OnRollout {
        @Override
        int act(Inception inception, RolloutTargets.Fleet fleet, Drain drain) throws Exception {
            return follow(inception.store(), fleet, drain, id, json, RunCommand.Durations.parse(gateTimeout), e -> e.run(id));
        }
    }

    /** {@code inception rollout rollback <id>}. */
    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Put every upgraded host of a rollout back on its previous version.")
    static final class Rollback extends OnRollout {
        @Override
        int act(Inception inception, RolloutTargets.Fleet fleet, Drain drain) throws Exception {
            int code = follow(inception.store(), fleet, drain, id, json, RunCommand.Durations.parse(gateTimeout),
                    e -> e.rollbackAll(id));
            return code == 1 ? 0 : code; // a rolled-back rollout is FAILED by definition
        }
    }

    /** {@code inception rollout approve <id>}: opens the manual gate; whoever drives the rollout goes on. */
    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve the next wave of a rollout waiting at a manual gate (gate: manual in the environment"
                    + " file). The process driving it (inception rollout, the pipeline's stage, or a later"
                    + " `rollout resume`) goes on.")
    static final class Approve implements Callable<Integer> {
        @Mixin
        StoreOptions store = new StoreOptions();
        @Parameters(paramLabel = "ROLLOUT_ID")
        String id;

        @Override
        public Integer call() throws Exception {
            try (Inception inception = store.open()) {
                var rollout = inception.store().rollouts().find(id);
                if (rollout.isEmpty()) return noSuchRollout(id);
                if (engine(inception.store(), null, new InMemoryDrain()).approve(id)) {
                    System.out.println("rollout " + id + ": approved; " + rollout.get().message().replaceFirst(
                            "^waiting for approval after (wave \\d+).*", "the wave after $1 goes ahead"));
                    return 0;
                }
                System.err.println("rollout " + id + " is not waiting for approval (" + rollout.get().status()
                        + (rollout.get().message().isEmpty() ? "" : ": " + rollout.get().message()) + ")");
                return 1;
            }
        }
    }

    /** {@code inception rollout show <id>}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a rollout and the phase of every host.")
    static final class Show implements Callable<Integer> {
        @Mixin
        StoreOptions store = new StoreOptions();
        @Parameters(paramLabel = "ROLLOUT_ID")
        String id;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Inception inception = store.open()) {
                if (inception.store().rollouts().find(id).isEmpty()) return noSuchRollout(id);
                RolloutSummary summary = engine(inception.store(), null, new InMemoryDrain()).summary(id);
                List<HostRecord> hosts = inception.store().rollouts().hosts(id);
                if (json) {
                    System.out.println(JSON.writeValueAsString(java.util.Map.of("summary", summary, "hosts", hosts)));
                    return 0;
                }
                System.out.println(summary.line());
                System.out.printf("%-16s %-8s %-5s %-13s %-12s %s%n", "HOST", "CELL", "WAVE", "PHASE", "PREVIOUS", "MESSAGE");
                for (HostRecord h : hosts) {
                    System.out.printf("%-16s %-8s %-5d %-13s %-12s %s%n", h.host().name(), h.host().cell(), h.wave() + 1,
                            h.phase(), h.previousVersion() == null ? "-" : h.previousVersion(), h.message());
                }
                return 0;
            }
        }
    }

    static int noSuchRollout(String id) {
        System.err.println("inception: no rollout '" + id + "'");
        return 2;
    }
}
