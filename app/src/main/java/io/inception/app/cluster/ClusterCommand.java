package io.inception.app.cluster;

import io.inception.app.cli.ConfigRepoOptions;
import io.inception.app.cli.StoreOptions;
import io.inception.cluster.Claim;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.NodeRecord;
import io.inception.cluster.NodeRegistry;
import io.inception.cluster.WorkQueue;
import io.inception.cluster.rollout.CellRollouts;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.pipeline.PipelineRepository;
import io.inception.engine.rollout.EnvironmentTargets;
import io.inception.engine.rollout.InMemoryDrain;
import io.inception.engine.rollout.RolloutEngine;
import io.inception.engine.rollout.RolloutSpec;
import io.inception.engine.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code inception cluster nodes} (the nodes and the queued work with their claims) and
 * {@code inception cluster rollout --env E --build B --package-version V --apt-source LINE} (one
 * rollout per cell of the environment, queued for the nodes of each cell's zone).
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
        description = "Inspect the nodes of a cluster and queue work for them (see `inception server --cluster`).",
        subcommands = {ClusterCommand.Nodes.class, ClusterCommand.Rollout.class})
public final class ClusterCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("inception cluster nodes | rollout --env E --build B --package-version V --apt-source LINE");
        return 2;
    }

    /** {@code inception cluster nodes}. */
    @Command(name = "nodes", mixinStandardHelpOptions = true, description = "The nodes, their zones and heartbeats; the queued work and who holds it.")
    public static final class Nodes implements Callable<Integer> {
        @Mixin
        StoreOptions store = new StoreOptions();

        @Override
        public Integer call() {
            try (Store s = store.openStore()) {
                DataSource ds = ClusterDatabase.dataSource(s.url());
                try {
                    for (NodeRecord n : new NodeRegistry(ds).list()) {
                        System.out.printf("node %-30s zones [%s]  up since %s  heartbeat %s%n", n.nodeId(), n.zones(),
                                n.startedAt(), n.heartbeatAt());
                    }
                    for (Claim c : new WorkQueue(ds, Clock.systemUTC()).items()) {
                        System.out.printf("work %-14s %-28s zone %-6s due %s  %s%n", c.kind(), c.id(), c.zone().orElse("-"),
                                c.due(), c.claimedBy().map(n -> "claimed by " + n + " (heartbeat " + c.lastHeartbeat() + ")")
                                        .orElse("waiting"));
                    }
                } finally {
                    ClusterDatabase.close(ds);
                }
            }
            return 0;
        }
    }

    /** {@code inception cluster rollout}. */
    @Command(name = "rollout", mixinStandardHelpOptions = true,
            description = "Plan a rollout per compute cell of the environment (its file's waves, gates, budget) and queue"
                    + " each cell's waves for the nodes of that cell's zone; prints each cell's rollout id"
                    + " (follow it with `inception rollout show <id>`).")
    public static final class Rollout implements Callable<Integer> {
        @Mixin
        StoreOptions store = new StoreOptions();

        @Mixin
        ConfigRepoOptions config = new ConfigRepoOptions();

        @Option(names = "--env", required = true, description = "The environment to roll out to.")
        String env;

        @Option(names = "--build", required = true, description = "The build id whose package is rolled out.")
        String build;

        @Option(names = "--package-version", required = true, description = "The package version to install.")
        String version;

        @Option(names = "--apt-source", required = true, description = "The 'deb ...' line of the build's apt snapshot.")
        String aptSource;

        @Override
        public Integer call() {
            EnvironmentFile file;
            try (PipelineRepository repository = PipelineRepository.open(config.location())) {
                file = repository.at(config.ref()).environment(env);
            }
            RolloutSpec spec = EnvironmentTargets.spec(file, build, version, aptSource);
            Clock clock = Clock.systemUTC();
            try (Store s = store.openStore(); SshFleet fleet = SshFleet.open(
                    new EnvironmentTargets(name -> file, store.home().dir().resolve("known_hosts"),
                            io.inception.app.InceptionHome.sourceRoot(), System::getenv).settings(file))) {
                DataSource ds = ClusterDatabase.dataSource(s.url());
                try {
                    RolloutEngine planner = new RolloutEngine(s.rollouts(), fleet, new InMemoryDrain(), clock,
                            IdGenerator.timeBased(clock, new Random()));
                    CellRollouts.publishRegions(new io.inception.cluster.CellRegions(ds), file, clock.instant());
                    Map<String, String> byCell = CellRollouts.start(planner, new WorkQueue(ds, clock), spec,
                            EnvironmentTargets.hosts(file));
                    Map<String, String> regions = new java.util.HashMap<>();
                    file.cells().forEach(c -> c.region().ifPresent(r -> regions.put(c.name(), r)));
                    byCell.forEach((cell, id) -> System.out.println("cell " + cell + ": rollout " + id
                            + " queued for the nodes of zone " + cell
                            + (regions.containsKey(cell) ? " or of its region " + regions.get(cell) : "")));
                } finally {
                    ClusterDatabase.close(ds);
                }
            }
            return 0;
        }
    }
}
