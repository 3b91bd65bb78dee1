package io.inception.engine.rollout;

import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.HostTrust;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.fleet.SshKey;
import io.inception.engine.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Not a test (Surefire does not pick up {@code *Bench}): the Inception side of
 * {@code bench/rollout/ansible.sh}. Enrols the hosts of {@code -Dbench.hostsFile} ({@code name cell
 * address port} per line), then rolls nova-compute to {@code -Dbench.version} from
 * {@code -Dbench.source} with the default waves and {@code -Dbench.parallel}, and prints the wall time.
 */
class RolloutHostsBench {
    @TempDir
    Path dir;

    @Test
    void rollout() throws Exception {
        List<HostTarget> hosts = Files.readAllLines(Path.of(System.getProperty("bench.hostsFile"))).stream()
                .filter(l -> !l.isBlank()).map(l -> l.split(" "))
                .map(p -> new HostTarget(p[0], p[1], p[2], Integer.parseInt(p[3]))).toList();
        FleetSettings settings = FleetSettings.of("root", SshKey.fromFile(Path.of(System.getProperty("bench.key"))),
                dir.resolve("known_hosts"));
        HostTrust.enrol(settings, hosts);
        try (Store store = Store.openDefault(dir.resolve("home")); SshFleet fleet = SshFleet.open(settings)) {
            RolloutEngine engine = new RolloutEngine(store.rollouts(), fleet, new InMemoryDrain(), Clock.systemUTC(),
                    IdGenerator.sequential(""));
            RolloutSpec spec = RolloutSpec.of("bench", "b-bench", System.getProperty("bench.version", "2.0-1"),
                            System.getProperty("bench.source")).withMaxParallel(Integer.getInteger("bench.parallel", 50))
                    .withCommandTimeout(Duration.ofMinutes(5));
            String id = engine.plan(spec, hosts);
            long t0 = System.nanoTime();
            RolloutSummary summary = engine.run(id);
            System.out.printf("BENCH inception %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, summary.line());
            summary.failed().stream().limit(5).forEach(f -> System.out.println("BENCH   " + f));
        }
    }
}
