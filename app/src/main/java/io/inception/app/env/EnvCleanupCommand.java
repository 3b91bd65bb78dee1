package io.inception.app.env;

import io.inception.app.Inception;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.pipeline.PipelineRepository;
import io.inception.engine.pipeline.PipelineSnapshot;
import io.inception.engine.pipeline.PipelineSourceException;
import io.inception.inova.cleanup.LeakCleanup;
import io.inception.inova.cloud.Cloud;
import io.inception.inova.cloud.CloudException;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.inova.provision.ControlPlane;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code inception env cleanup [--dry-run] [--grace 1h] [--via ENV]}: servers tagged by Inception
 * that no environment claims, on the iNova of {@code --via} (default: each environment's).
 */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = "Delete (or with --dry-run, list) servers Inception made that no environment claims, older than the grace period.")
final class EnvCleanupCommand implements Callable<Integer> {
    @Mixin
    EnvOptions options = new EnvOptions();

    @Option(names = "--dry-run", description = "Report only; delete nothing.")
    boolean dryRun;

    @Option(names = "--grace", defaultValue = "1h", description = "Leave leaked servers younger than this (default: ${DEFAULT-VALUE}).")
    String grace;

    @Option(names = "--via", paramLabel = "ENV", description = "Scan the iNova of this environment (default: of every environment).")
    List<String> via = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Duration graceTime = io.inception.engine.config.Durations.parse(grace)
                .orElseThrow(() -> new IllegalArgumentException("bad --grace '" + grace + "'"));
        try (Inception inception = options.store.open();
             PipelineRepository repo = PipelineRepository.open(options.config.location())) {
            PipelineSnapshot snapshot = repo.at(options.config.ref());
            ControlPlaneRecords records = new ControlPlaneRecords(inception.store().environmentResources());
            List<EnvironmentFile> files = new ArrayList<>();
            for (String name : snapshot.environmentNames()) files.add(snapshot.environment(name));
            List<ControlPlane> planes = files.stream().flatMap(f -> records.plane(f).stream()).toList();
            List<LeakCleanup.Leak> leaks = new ArrayList<>();
            List<String> scanned = new ArrayList<>();
            for (EnvironmentFile f : files) {
                if (!via.isEmpty() && !via.contains(f.name())) continue;
                ControlPlane plane = records.plane(f).orElse(null);
                if (plane == null) continue;
                if (plane.spec().inova().sandbox() && options.inova == null) continue;
                String endpoint = plane.spec().inova().sandbox() ? "sandbox" : plane.spec().inova().authUrl().orElse("");
                if (scanned.contains(endpoint + "/" + plane.spec().inova().project())) continue;
                scanned.add(endpoint + "/" + plane.spec().inova().project());
                try (Cloud cloud = options.connector().connect(f, plane.spec())) {
                    leaks.addAll(new LeakCleanup(cloud, Clock.systemUTC()).run(planes, graceTime, dryRun));
                } catch (CloudException e) {
                    System.err.println("inception env cleanup: " + f.name() + "'s iNova: " + e.getMessage());
                }
            }
            for (LeakCleanup.Leak l : leaks) {
                if (l.action() == LeakCleanup.Action.DELETED) {
                    records.event(l.environment(), "cleanup", "deleted leaked server " + l.name() + ": " + l.why());
                }
            }
            if (options.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("dryRun", dryRun);
                doc.put("scanned", scanned);
                doc.put("leaks", leaks);
                System.out.println(EnvCommand.JSON.writeValueAsString(doc));
            } else {
                System.out.println("scanned " + scanned.size() + " iNova project(s); " + leaks.size() + " leaked server(s)");
                for (LeakCleanup.Leak l : leaks) {
                    System.out.printf("%-12s %-32s %-10s age %-8s %s%n", l.action(), l.name(), l.environment(),
                            l.age().toMinutes() + "m", l.why());
                }
            }
            return 0;
        } catch (PipelineSourceException | IllegalArgumentException e) {
            System.err.println("inception env cleanup: " + e.getMessage());
            return 2;
        }
    }
}
