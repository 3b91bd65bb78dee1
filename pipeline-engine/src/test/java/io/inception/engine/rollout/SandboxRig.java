package io.inception.engine.rollout;

import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.HostTrust;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.fleet.SshKey;
import io.inception.engine.store.Store;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** A sandbox fleet, its enrolled known_hosts, an SSH fleet, a fake drain and an H2 store, for rollout tests. */
final class SandboxRig implements AutoCloseable {
    static final String SOURCE = "deb [trusted=yes] http://repo.invalid/builds/b-42 stable main";

    final SandboxFleet sandbox;
    final List<HostTarget> hosts;
    final FleetSettings settings;
    final SshFleet fleet;
    final InMemoryDrain drain = new InMemoryDrain();
    final Store store;
    final RolloutEngine engine;

    SandboxRig(Path dir, int hosts, int cells) {
        sandbox = SandboxFleet.start(SandboxFleetSpec.of(hosts, cells, dir.resolve("sandbox")));
        this.hosts = targets(sandbox);
        settings = FleetSettings.of(sandbox.user(), SshKey.fromFile(sandbox.privateKeyFile()), dir.resolve("known_hosts"))
                .withConnectTimeout(Duration.ofSeconds(5));
        HostTrust.enrol(settings, this.hosts);
        fleet = SshFleet.open(settings);
        store = Store.openDefault(dir.resolve("home"));
        engine = new RolloutEngine(store.rollouts(), fleet, drain, Clock.systemUTC(), IdGenerator.sequential(""));
    }

    static List<HostTarget> targets(SandboxFleet sandbox) {
        return sandbox.endpoints().stream().map(e -> new HostTarget(e.name(), e.cell(), e.address(), e.port())).toList();
    }

    static RolloutSpec spec() {
        return RolloutSpec.of("qe", "b-42", "2.0-1", SOURCE).withMaxParallel(8).withCommandTimeout(Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        fleet.close();
        store.close();
        sandbox.close();
    }
}
