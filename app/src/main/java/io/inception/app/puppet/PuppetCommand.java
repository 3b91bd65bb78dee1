package io.inception.app.puppet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.inception.app.InceptionHome;
import io.inception.app.cli.FleetInventory;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.rollout.RolloutTargets;
import io.inception.puppet.apply.HostApply;
import io.inception.puppet.apply.PuppetApplier;
import io.inception.puppet.stage.PuppetStageReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code inception puppet apply <env> [--role R]} and {@code inception puppet drift <env>}: the
 * environment's manifests, pinned to a commit, applied (or checked in noop mode) over SSH on the
 * hosts of an inventory document, with a line per host as it finishes, or one JSON document.
 */
@Command(name = "puppet", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Apply the environment's Puppet manifests at a pinned commit, or report drift.",
        subcommands = {PuppetCommand.Apply.class, PuppetCommand.Drift.class},
        footer = {"", "Examples:", "  inception sandbox up --hosts 7 --json > sandbox.json &",
                "  inception puppet apply local --inventory sandbox.json --role keystone",
                "  inception puppet drift local --inventory sandbox.json --json"})
public final class PuppetCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() {
        System.err.println("inception puppet: say `apply <env>` or `drift <env>` (see --help)");
        return 2;
    }

    /** Options both subcommands take. */
    static final class Target {
        @Parameters(index = "0", paramLabel = "ENV", description = "The environment (environments/environments/ENV.yaml).")
        String env;
        @Option(names = "--inventory", required = true, paramLabel = "FILE",
                description = "Hosts and SSH login as JSON, e.g. what `inception sandbox up --json` prints.")
        Path inventory;
        @Option(names = "--env-file", paramLabel = "FILE", description = "The environment file (default: this repository's).")
        Path envFile;
        @Option(names = "--manifest-ref", paramLabel = "REF", description = "Manifest branch, tag or commit (default: the environment's).")
        String ref;
        @Option(names = "--home", paramLabel = "DIR", description = "Inception's home (default: $INCEPTION_HOME or ./.inception).")
        Path home;
        @Option(names = "--max-parallel", defaultValue = "10", description = "Hosts at once (default: ${DEFAULT-VALUE}).")
        int parallel;
        @Option(names = "--json", description = "Print one JSON document instead of a line per host.")
        boolean json;
        @Option(names = "--version", paramLabel = "V", description = "The build's package version (Hiera inception::build::version).")
        String version;
        @Option(names = "--apt-source", paramLabel = "LINE", description = "The build's apt line (Hiera inception::build::apt_source).")
        String aptSource;
        @Option(names = "--build", paramLabel = "ID", description = "The build id (Hiera inception::build::id).")
        String build;
        @Option(names = "--role", paramLabel = "ROLE", description = "Only hosts with role::ROLE.")
        String role;

        /** The build's Hiera values: a drift check must see the same values as the apply it checks. */
        Map<String, Object> buildHiera() {
            Map<String, Object> hiera = new LinkedHashMap<>();
            hiera.put("inception::environment", env);
            if (build != null) hiera.put("inception::build::id", build);
            if (version != null) hiera.put("inception::build::version", version);
            if (aptSource != null) hiera.put("inception::build::apt_source", aptSource);
            return hiera;
        }

        int run(boolean noop) throws Exception {
            Map<String, Object> build = buildHiera();
            InceptionHome h = home != null ? new InceptionHome(home) : InceptionHome.fromEnvironment();
            EnvironmentFile environment = EnvironmentFile.load(envFile != null ? envFile
                    : InceptionHome.sourceRoot().resolve("environments/environments/" + env + ".yaml"));
            RolloutTargets.Fleet fleet = FleetInventory.load(inventory, h.dir().resolve("known_hosts").resolve(env));
            PuppetPlan plan = PuppetPlan.prepare(environment, fleet.hosts(), InceptionHome.sourceRoot(),
                    h.dir().resolve("cache/git"), ref, role);
            PrintStream out = System.out;
            if (!json) out.println((noop ? "drift of " : "applying ") + plan.tree().commit().repo() + " @" + plan.tree().commit().shortCommit()
                    + " to " + plan.nodes().size() + " host(s) of " + env);
            try (SshFleet ssh = SshFleet.open(fleet.settings())) {
                PuppetApplier applier = plan.applier(ssh, build, Duration.ofMinutes(15));
                List<HostApply> hosts = applier.run(plan.nodes(), noop, parallel, r -> {
                    if (!json) print(out, r, noop);
                });
                PuppetStageReport report = new PuppetStageReport(plan.tree().commit(), noop, hosts);
                if (json) out.println(JSON.writeValueAsString(report));
                else out.println(report.line());
                if (hosts.stream().anyMatch(r -> !r.ok())) return 1;
                return noop && hosts.stream().anyMatch(r -> r.status() == HostApply.Status.CHANGED) ? 3 : 0;
            }
        }
    }

    static void print(PrintStream out, HostApply r, boolean noop) {
        out.printf("  %-20s %-11s %s%n", r.host(), noop && r.status() == HostApply.Status.CHANGED ? "DRIFTED" : r.status(), r.message());
        if (noop) r.outOfSync().forEach(s -> out.println("      " + s.describe()));
    }

    /** {@code inception puppet apply <env>}. */
    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Apply the manifests on every host with a role (exit 0: all applied, 1: a host failed).")
    static final class Apply implements Callable<Integer> {
        @Mixin
        Target target = new Target();

        @Override
        public Integer call() throws Exception {
            return target.run(false);
        }
    }

    /** {@code inception puppet drift <env>}. */
    @Command(name = "drift", mixinStandardHelpOptions = true,
            description = "Noop run on every host: what would change (exit 0: in sync, 3: drift, 1: a host failed)."
                    + " Give the same --version/--apt-source as the last apply. The last real run's report on the host is left as it was.")
    static final class Drift implements Callable<Integer> {
        @Mixin
        Target target = new Target();

        @Override
        public Integer call() throws Exception {
            return target.run(true);
        }
    }
}
