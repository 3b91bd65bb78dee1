package io.inception.engine.rollout;

import io.inception.engine.config.Quantity;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.fleet.SshKey;
import io.inception.engine.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The orchestrator that {@link RolloutResumeAfterKillIT} kills: plans and runs a rollout over the
 * hosts listed in a file ({@code name cell address port} per line) on the H2 file store of a home.
 * Args: home, hosts file, known_hosts, private key file, user.
 */
public final class KillableRolloutMain {
    private KillableRolloutMain() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        List<HostTarget> hosts = Files.readAllLines(Path.of(args[1])).stream().map(l -> l.split(" "))
                .map(p -> new HostTarget(p[0], p[1], p[2], Integer.parseInt(p[3]))).toList();
        FleetSettings settings = FleetSettings.of(args[4], SshKey.fromFile(Path.of(args[3])), Path.of(args[2]));
        try (Store store = Store.openDefault(home); SshFleet fleet = SshFleet.open(settings)) {
            RolloutEngine engine = new RolloutEngine(store.rollouts(), fleet, new InMemoryDrain(), Clock.systemUTC(),
                    IdGenerator.sequential(""));
            String id = engine.plan(RolloutSpec.of("qe", "b-42", "2.0-1", SandboxRig.SOURCE)
                    .withWaves(List.of(new Quantity(Quantity.Kind.COUNT, 1), new Quantity(Quantity.Kind.PERCENT, 100)))
                    .withMaxParallel(4).withCommandTimeout(Duration.ofSeconds(60)), hosts);
            System.out.println("planned " + id);
            System.out.println(engine.run(id).line());
        }
    }
}
