package io.inception.app.env;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.inception.app.Inception;
import io.inception.engine.config.ConfigException;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.pipeline.PipelineSourceException;
import io.inception.engine.wait.Pause;
import io.inception.inova.cloud.Cloud;
import io.inception.inova.cloud.CloudException;
import io.inception.inova.environment.ControlPlaneOperations;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.inova.provision.ControlPlane;
import io.inception.inova.provision.HealthCheck;
import io.inception.inova.provision.RoleConfigurer;
import io.inception.inova.provision.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code inception env provision|show|replace|add-cell|scale|cleanup}: an environment's control
 * plane on iNova (the {@code control-plane:} section of its file).
 */
@Command(name = "env", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
        description = "The control plane of an environment as VMs on iNova: provision, show, replace, add a cell, scale, clean up.",
        subcommands = {EnvCommand.Provision.class, EnvShowCommand.class, EnvCommand.Replace.class, EnvCommand.AddCell.class,
                EnvCommand.Scale.class, EnvCleanupCommand.class},
        footer = {"", "Examples:", "  inception sandbox up --json > sandbox.json &",
                "  inception env provision local --inova sandbox.json",
                "  inception env replace qe --role nova-api", "  inception env scale qe --role nova-api --count 4",
                "  inception env cleanup --dry-run"})
public final class EnvCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() {
        System.err.println("inception env: say provision, show, replace, add-cell, scale or cleanup; see --help");
        return 2;
    }

    /** An operation on one environment's control plane, run to the end with progress lines. */
    abstract static class Operation implements Callable<Integer> {
        @Mixin
        EnvOptions options = new EnvOptions();

        @Parameters(index = "0", paramLabel = "ENV", description = "The environment (environments/<ENV>.yaml).")
        String env;

        @Option(names = "--build", description = "Build id tagged on new servers (default: manual-<time>).")
        String build;

        @Option(names = "--timeout", defaultValue = "30m", description = "How long to wait for the servers (default: ${DEFAULT-VALUE}).")
        String timeout;

        abstract String verb();

        abstract Step run(ControlPlaneOperations ops, ControlPlane plane, String buildId, Duration limit) throws Exception;

        @Override
        public Integer call() throws Exception {
            PrintStream out = System.out;
            try (Inception inception = options.store.open()) {
                EnvironmentFile file = options.environment(env);
                ControlPlaneRecords records = new ControlPlaneRecords(inception.store().environmentResources());
                ControlPlane plane = records.plane(file).orElse(null);
                if (plane == null) {
                    System.err.println("inception env: environment '" + env + "' has no control-plane: section");
                    return 2;
                }
                Clock clock = Clock.systemUTC();
                try (Cloud cloud = options.connector().connect(file, plane.spec())) {
                    ControlPlaneOperations ops = new ControlPlaneOperations(cloud, records, clock, Pause.SLEEP, line -> {
                        if (!options.json) out.println(env + ": " + line);
                    }, RoleConfigurer.NONE, HealthCheck.STANDARD);
                    String buildId = build != null ? build : "manual-" + clock.instant().getEpochSecond();
                    Duration limit = io.inception.engine.config.Durations.parse(timeout).orElseThrow(() ->
                            new IllegalArgumentException("bad --timeout '" + timeout + "': use "
                                    + io.inception.engine.config.Durations.EXAMPLES));
                    Step step = run(ops, plane, buildId, limit);
                    return report(out, step);
                }
            } catch (PipelineSourceException | ConfigException | IllegalArgumentException | CloudException e) {
                System.err.println("inception env " + verb() + ": " + e.getMessage());
                return 2;
            }
        }

        private int report(PrintStream out, Step step) throws Exception {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("environment", env);
            doc.put("operation", verb());
            if (step instanceof Step.Done done) {
                doc.put("status", "SUCCEEDED");
                doc.put("created", done.created());
                doc.put("deleted", done.deleted());
                doc.put("servers", done.servers());
                if (options.json) out.println(JSON.writeValueAsString(doc));
                else {
                    out.println(env + ": " + verb() + " done: " + done.servers().size() + " server(s), " + done.created()
                            + " created, " + done.deleted() + " deleted");
                    EnvShowCommand.table(out, done.servers());
                }
                return 0;
            }
            Step.Failed failed = (Step.Failed) step;
            doc.put("status", "FAILED");
            doc.put("reason", failed.reason());
            if (options.json) out.println(JSON.writeValueAsString(doc));
            else System.err.println("inception env " + verb() + ": " + failed.reason());
            return 1;
        }
    }

    /** {@code inception env provision <env>}. */
    @Command(name = "provision", mixinStandardHelpOptions = true,
            description = "Make what is missing of the environment's control plane; servers in ERROR are replaced.")
    static final class Provision extends Operation {
        String verb() {
            return "provision";
        }

        Step run(ControlPlaneOperations ops, ControlPlane plane, String buildId, Duration limit) throws Exception {
            return ops.provision(plane, buildId, limit);
        }
    }

    /** {@code inception env replace <env> --role R [--cell C]}. */
    @Command(name = "replace", mixinStandardHelpOptions = true,
            description = "Blue/green: new servers for the role, health-checked, then the old deleted (on failure the old stay).")
    static final class Replace extends Operation {
        @Option(names = "--role", required = true, description = "The role to replace, e.g. nova-api.")
        String role;

        @Option(names = "--cell", description = "Only in this cell (default: every cell with the role).")
        String cell;

        String verb() {
            return "replace";
        }

        Step run(ControlPlaneOperations ops, ControlPlane plane, String buildId, Duration limit) throws Exception {
            return ops.replace(plane, role, cell, buildId, limit);
        }
    }

    /** {@code inception env add-cell <env> <cell>}. */
    @Command(name = "add-cell", mixinStandardHelpOptions = true,
            description = "Record a new compute cell and provision its control plane (DB, RabbitMQ, scheduler/conductor).")
    static final class AddCell extends Operation {
        @Parameters(index = "1", paramLabel = "CELL", description = "The new cell's name.")
        String cell;

        String verb() {
            return "add-cell";
        }

        Step run(ControlPlaneOperations ops, ControlPlane plane, String buildId, Duration limit) throws Exception {
            if (!cell.matches("[a-z0-9][a-z0-9-]{0,30}") || cell.equals("api")) {
                return new Step.Failed("bad cell name '" + cell + "': lower-case letters, digits and '-', not 'api'", false);
            }
            return ops.addCell(plane, cell, buildId, limit);
        }
    }

    /** {@code inception env scale <env> --role R --count N [--cell C]}. */
    @Command(name = "scale", mixinStandardHelpOptions = true,
            description = "Set how many servers a role has (recorded with the environment); extras are deleted newest first.")
    static final class Scale extends Operation {
        @Option(names = "--role", required = true, description = "The role, e.g. nova-api.")
        String role;

        @Option(names = "--count", required = true, description = "The new number of servers (1..100).")
        int count;

        @Option(names = "--cell", defaultValue = "api", description = "The cell of the role (default: ${DEFAULT-VALUE}).")
        String cell;

        String verb() {
            return "scale";
        }

        Step run(ControlPlaneOperations ops, ControlPlane plane, String buildId, Duration limit) throws Exception {
            if (count < 1 || count > 100) return new Step.Failed("--count must be 1..100, got " + count, false);
            return ops.scale(plane, cell, role, count, buildId, limit);
        }
    }
}
