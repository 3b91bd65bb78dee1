package io.inception.app.env;

import io.inception.app.Inception;
import io.inception.engine.store.EnvironmentEvent;
import io.inception.engine.store.EnvironmentResource;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.inova.provision.ProvisionedServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code inception env show <env>}: the stored control plane (servers, addresses, added cells, counts) and recent changes. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show the environment's control VMs and addresses as last provisioned, and the recorded changes.")
final class EnvShowCommand implements Callable<Integer> {
    @Mixin
    EnvOptions options = new EnvOptions();

    @Parameters(index = "0", paramLabel = "ENV")
    String env;

    @Option(names = "--events", defaultValue = "10", description = "How many recent changes to list (default: ${DEFAULT-VALUE}).")
    int events;

    @Override
    public Integer call() throws Exception {
        try (Inception inception = options.store.open()) {
            ControlPlaneRecords records = new ControlPlaneRecords(inception.store().environmentResources());
            List<EnvironmentResource> all = records.resources().list(env);
            List<EnvironmentEvent> changes = records.resources().events(env);
            List<EnvironmentEvent> recent = changes.subList(Math.max(0, changes.size() - events), changes.size());
            PrintStream out = System.out;
            if (options.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("environment", env);
                doc.put("resources", all);
                doc.put("events", recent);
                out.println(EnvCommand.JSON.writeValueAsString(doc));
                return 0;
            }
            if (all.isEmpty()) {
                out.println(env + ": no control plane recorded (run `inception env provision " + env + "`)");
                return 0;
            }
            table(out, all.stream().filter(r -> r.kind().equals(ControlPlaneRecords.SERVER))
                    .map(r -> new ProvisionedServer(r.name(), r.attributes().getOrDefault("id", ""), r.cell(), r.role(),
                            r.address(), r.attributes().getOrDefault("build", ""), r.attributes().getOrDefault("status", "")))
                    .toList());
            all.stream().filter(r -> r.kind().equals(ControlPlaneRecords.CELL))
                    .forEach(r -> out.println("added cell: " + r.name()));
            all.stream().filter(r -> r.kind().equals(ControlPlaneRecords.ROLE_COUNT))
                    .forEach(r -> out.println("scaled: " + r.name() + " = " + r.attributes().get("count")));
            recent.forEach(e -> out.println(e.at() + " " + e.kind() + ": " + e.message()));
            return 0;
        }
    }

    /** The server table of {@code env show} and of the operations. */
    static void table(PrintStream out, List<ProvisionedServer> servers) {
        out.printf("%-32s %-8s %-10s %-16s %-8s %s%n", "SERVER", "CELL", "ROLE", "ADDRESS", "STATUS", "BUILD");
        for (ProvisionedServer s : servers) {
            out.printf("%-32s %-8s %-10s %-16s %-8s %s%n", s.name(), s.cell(), s.role(),
                    s.address().isEmpty() ? "-" : s.address(), s.status(), s.build());
        }
    }
}
