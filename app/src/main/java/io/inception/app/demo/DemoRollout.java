package io.inception.app.demo;

import io.inception.engine.config.Quantity;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.fleet.SshKey;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.rollout.FailureBudgetPolicy;
import io.inception.engine.rollout.HostPhase;
import io.inception.engine.rollout.HostRecord;
import io.inception.engine.rollout.InMemoryDrain;
import io.inception.engine.rollout.RolloutEngine;
import io.inception.engine.rollout.RolloutSpec;
import io.inception.engine.rollout.RolloutStore;
import io.inception.engine.rollout.RolloutSummary;
import io.inception.sandbox.ssh.DebianState;
import io.inception.sandbox.ssh.HostFault;
import io.inception.sandbox.ssh.PackageIndex;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import io.inception.sandbox.ssh.SandboxHost;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo's rollout: the build's nova-compute version over 200 sandbox hosts in two cells, behind
 * real SSH, in the default waves [1, 5%, 25%, 100%] with 50 hosts at once. One host of the last
 * wave has a broken post-installation script: its install fails, it is rolled back to the version
 * it had, and — the failure budget allowing 2 % after the two strict first waves — the rollout goes
 * on and finishes green with 199 hosts upgraded. A few seconds.
 */
public final class DemoRollout {
    /** Hosts in the demo fleet. */
    public static final int HOSTS = 200;
    /** The version every sandbox host has before the rollout. */
    public static final String PREVIOUS = "1.0-1";

    /**
     * What the rollout did.
     *
     * @param summary      the rollout's summary (status, counts by phase, failed hosts and why)
     * @param failedHost   the host with the injected failure
     * @param failedHostVersion   its nova-compute version after the rollout
     * @param failedHostActive    whether its service runs after the rollback
     * @param failedHostDrained   whether it is still out of scheduling
     * @param upgraded     hosts on the new version afterwards
     * @param allowedFailures     failures the budget allows after the strict waves
     * @param took         wall time of the rollout (the sandbox start-up excluded)
     */
    public record Result(RolloutSummary summary, String failedHost, String failedHostVersion, boolean failedHostActive,
                         boolean failedHostDrained, long upgraded, int allowedFailures, Duration took) {
        /** The rollout succeeded with exactly the injected host rolled back, running its previous version. */
        public boolean ok() {
            return summary.status() == ExecutionStatus.SUCCEEDED && summary.count(HostPhase.DONE) == HOSTS - 1
                    && summary.count(HostPhase.ROLLED_BACK) == 1 && summary.failed().size() == 1
                    && summary.failed().get(0).startsWith(failedHost + " ") && PREVIOUS.equals(failedHostVersion)
                    && failedHostActive && !failedHostDrained && upgraded == HOSTS - 1;
        }
    }

    private DemoRollout() {
    }

    /**
     * Rolls {@code version} out (the sandbox's apt offers {@link #PREVIOUS} and {@code version});
     * the rollout is stored in {@code store} like any other ({@code inception rollout show <id>}).
     */
    public static Result run(RolloutStore store, Path workDir, String buildId, String version, String aptSource,
                             Clock clock, PrintStream out) {
        PackageIndex index = PackageIndex.fixed(Map.of("nova-compute", List.of(PREVIOUS, version)));
        SandboxFleetSpec fleetSpec = SandboxFleetSpec.of(HOSTS, 2, workDir).withIndex(index);
        try (SandboxFleet sandbox = SandboxFleet.start(fleetSpec)) {
            List<HostTarget> hosts = sandbox.endpoints().stream()
                    .map(e -> new HostTarget(e.name(), e.cell(), e.address(), e.port())).toList();
            FleetSettings settings = FleetSettings.of(sandbox.user(), SshKey.fromFile(sandbox.privateKeyFile()),
                    sandbox.writeKnownHosts(workDir.resolve("known_hosts")));
            FailureBudgetPolicy budget = new FailureBudgetPolicy(2, new Quantity(Quantity.Kind.PERCENT, 2));
            RolloutSpec spec = RolloutSpec.of("demo", buildId, version, aptSource).withBudget(budget)
                    .withMaxParallel(50).withCommandTimeout(Duration.ofSeconds(30));
            InMemoryDrain drain = new InMemoryDrain();
            try (SshFleet ssh = SshFleet.open(settings)) {
                RolloutEngine engine = new RolloutEngine(store, ssh, drain, clock,
                        IdGenerator.timeBased(clock, new java.util.Random()));
                String id = engine.plan(spec, hosts);
                List<HostRecord> planned = store.hosts(id);
                HostRecord victim = planned.get(planned.size() - 7); // in the last wave
                SandboxHost bad = sandbox.get(victim.host().name());
                bad.state().inject(HostFault.INSTALL_FAILS);
                long waves = planned.stream().mapToInt(HostRecord::wave).distinct().count();
                int allowed = (int) Math.floor(HOSTS * budget.maxFailed().value() / 100.0);
                out.printf("      rollout %s: nova-compute %s -> %s on %d sandbox hosts (cells c1, c2; real SSH), %d waves"
                                + " [1, 5%%, 25%%, 100%%], 50 at once; budget: stop at the first failure in waves 1-2,"
                                + " then allow %d (2%%)%n", id, PREVIOUS, version, HOSTS, waves, allowed);
                out.printf("      injected: %s (wave %d) has a broken post-installation script%n", bad.name(), victim.wave() + 1);
                long t0 = System.nanoTime();
                RolloutSummary summary = engine.run(id);
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                DebianState state = bad.state();
                long upgraded = sandbox.hosts().stream()
                        .filter(h -> h.state().version("nova-compute").map(version::equals).orElse(false)).count();
                out.printf("      %s in %.1f s%n", summary.line(), took.toMillis() / 1000.0);
                summary.failed().forEach(f -> out.println("      " + firstLine(f)));
                out.printf("      %s now: nova-compute %s, service %s, %s; 1 failure of %d allowed: the rollout went on%n",
                        bad.name(), state.version("nova-compute").orElse("?"),
                        state.serviceActive("nova-compute") ? "active" : "inactive",
                        drain.isDrained(bad.name()) ? "still drained" : "back in scheduling", allowed);
                return new Result(summary, bad.name(), state.version("nova-compute").orElse(null),
                        state.serviceActive("nova-compute"), drain.isDrained(bad.name()), upgraded, allowed, took);
            }
        }
    }

    /** The failure's step and the host's own error line, without the rest of apt's output. */
    private static String firstLine(String failure) {
        String[] lines = failure.split("\n");
        String last = lines[lines.length - 1];
        return lines.length == 1 ? failure : lines[0] + " ... " + last.strip();
    }
}
