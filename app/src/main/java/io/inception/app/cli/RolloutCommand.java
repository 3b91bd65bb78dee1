package io.inception.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.inception.app.Inception;
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
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code inception rollout --env E --build B --package-version V --apt-source LINE --inventory FILE} and
 * {@code rollout resume|rollback|show <id>}. The drain is the in-memory one until iNova provides
 * the Nova implementation.
 */
@Command(name = "rollout", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
        description = "Upgrade a package on every host of an environment in waves, with a failure budget and rollback.",
        subcommands = {RolloutCommand.Resume.class, RolloutCommand.Rollback.class, RolloutCommand.Show.class},
        footer = {"", "Examples:", "  inception sandbox up --hosts 200 --cells 2 --json > sandbox.json &",
                "  inception rollout --env local --build b-42 --package-version 2.0-1 \\",
                "      --apt-source 'deb [trusted=yes] http://127.0.0.1:8080/builds/b-42 stable main' --inventory sandbox.json",
                "  inception rollout show ro-20261127-040000-1a2b"})
public final class RolloutCommand implements Callable<Integer> {
    static final ObjectMapper JSON = RunsCommand.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--env", description = "The environment to roll out to.")
    String env;

    @Option(names = "--build", description = "The build id whose package is rolled out.")
    String build;

    @Option(names = "--package-version", description = "The package version to install.")
    String version;

    @Option(names = "--apt-source", description = "The 'deb ...' line of the build's apt snapshot.")
    String aptSource;

    @Option(names = "--package", defaultValue = "nova-compute", description = "Package and service (default: ${DEFAULT-VALUE}).")
    String packageName;

    @Option(names = "--inventory", paramLabel = "FILE",
            description = "Hosts and SSH login as JSON, e.g. what `inception sandbox up --json` prints.")
    Path inventory;

    @Option(names = "--waves", defaultValue = "1,5%,25%,100%", description = "Batch sizes (default: ${DEFAULT-VALUE}).")
    String waves;

    @Option(names = "--max-parallel", defaultValue = "50", description = "Hosts at once per wave (default: ${DEFAULT-VALUE}).")
    int maxParallel;

    @Option(names = "--failure-budget", description = "Failures allowed after the first two waves: a count or N%% (default 2%%).")
    String failureBudget;

    @Option(names = "--rollback-all", description = "When the budget is spent, roll back the upgraded hosts too.")
    boolean rollbackAll;

    @Option(names = "--json", description = "Print the final summary as one JSON document instead of live progress.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (env == null || build == null || version == null || aptSource == null || inventory == null) {
            System.err.println("inception rollout: --env, --build, --package-version, --apt-source and --inventory are required"
                    + " (or say `rollout resume|rollback|show <id>`)");
            return 2;
        }
        RolloutSpec spec = RolloutSpec.of(env, build, version, aptSource).withWaves(RolloutSpec.parseWaves(waves))
                .withMaxParallel(maxParallel).withRollbackAll(rollbackAll);
        spec = spec.withPackage(packageName);
        if (failureBudget != null) spec = spec.withBudget(FailureBudgetPolicy.parse(failureBudget));
        RolloutSpec planned = spec;
        try (Inception inception = store.open()) {
            RolloutTargets.Fleet fleet = FleetInventory.load(inventory, knownHosts(inception, env));
            String id = engine(inception.store(), null).plan(planned, fleet.hosts());
            if (!json) System.out.println("rollout " + id + ": " + fleet.hosts().size() + " hosts, " + planned.packageName()
                    + " " + planned.version());
            return follow(inception.store(), fleet, id, json, e -> e.run(id));
        }
    }

    static Path knownHosts(Inception inception, String env) {
        return inception.home().dir().resolve("known_hosts").resolve(env);
    }

    static RolloutEngine engine(Store store, SshFleet fleet) {
        Clock clock = Clock.systemUTC();
        return new RolloutEngine(store.rollouts(), fleet, new InMemoryDrain(), clock,
                IdGenerator.timeBased(clock, new Random()));
    }

    /** Runs {@code work} on a worker while printing progress every second; exit 0 when SUCCEEDED. */
    static int follow(Store store, RolloutTargets.Fleet fleet, String id, boolean json,
                      Function<RolloutEngine, RolloutSummary> work) throws Exception {
        PrintStream out = System.out;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try (SshFleet ssh = SshFleet.open(fleet.settings())) {
            RolloutEngine engine = engine(store, ssh);
            if (!json) ticker.scheduleAtFixedRate(() -> out.println(progress(store, engine, id)), 1, 1, TimeUnit.SECONDS);
            RolloutSummary summary = CompletableFuture.supplyAsync(() -> work.apply(engine)).get();
            ticker.shutdownNow();
            print(out, summary, json);
            return summary.status() == io.inception.engine.model.ExecutionStatus.SUCCEEDED ? 0 : 1;
        } finally {
            ticker.shutdownNow();
        }
    }

    /** One progress line: wave, counts, the slowest in-flight hosts. */
    static String progress(Store store, RolloutEngine engine, String id) {
        List<HostRecord> hosts = store.rollouts().hosts(id);
        int wave = hosts.stream().filter(h -> h.phase().inFlight()).mapToInt(HostRecord::wave).min().orElse(-1);
        String slowest = hosts.stream().filter(h -> h.phase().inFlight() && h.startedAt() != null)
                .sorted(Comparator.comparing(HostRecord::startedAt)).limit(3)
                .map(h -> h.host().name() + " " + h.phase().name().toLowerCase() + " "
                        + Duration.between(h.startedAt(), Clock.systemUTC().instant()).toSeconds() + "s")
                .reduce((a, b) -> a + ", " + b).orElse("");
        return (wave >= 0 ? "wave " + (wave + 1) + " | " : "") + engine.summary(id).line()
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

    /** What {@code resume} and {@code rollback} share: an existing rollout, driven with its inventory's fleet. */
    abstract static class OnRollout implements Callable<Integer> {
        @Mixin
        StoreOptions store = new StoreOptions();
        @Parameters(paramLabel = "ROLLOUT_ID")
        String id;
        @Option(names = "--inventory", required = true, paramLabel = "FILE", description = "SSH login (user, key) as JSON.")
        Path inventory;
        @Option(names = "--json")
        boolean json;

        abstract int act(Inception inception, RolloutTargets.Fleet fleet) throws Exception;

        @Override
        public Integer call() throws Exception {
            try (Inception inception = store.open()) {
                var rollout = inception.store().rollouts().find(id);
                if (rollout.isEmpty()) return noSuchRollout(id);
                return act(inception, FleetInventory.load(inventory,
                        knownHosts(inception, rollout.get().spec().environment())));
            }
        }
    }

    /** {@code inception rollout resume <id>}. */
    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Continue an interrupted rollout: final hosts are skipped, in-flight hosts re-checked.")
    static final class Resume extends OnRollout {
        @Override
        int act(Inception inception, RolloutTargets.Fleet fleet) throws Exception {
            return follow(inception.store(), fleet, id, json, e -> e.run(id));
        }
    }

    /** {@code inception rollout rollback <id>}. */
    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Put every upgraded host of a rollout back on its previous version.")
    static final class Rollback extends OnRollout {
        @Override
        int act(Inception inception, RolloutTargets.Fleet fleet) throws Exception {
            int code = follow(inception.store(), fleet, id, json, e -> e.rollbackAll(id));
            return code == 1 ? 0 : code; // a rolled-back rollout is FAILED by definition
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
                RolloutSummary summary = engine(inception.store(), null).summary(id);
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
