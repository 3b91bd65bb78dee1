package io.inception.engine.rollout;

import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.fleet.SshKey;
import io.inception.engine.store.Store;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Not a test (no assertion on time; Surefire does not pick up {@code *Bench}): the sandbox rollout
 * benchmark behind {@code bench/rollout/sandbox.sh}. Rolls nova-compute over {@code -Dbench.hosts}
 * sandbox hosts (default 1000) with the default waves and {@code -Dbench.parallel} (default 50), on
 * the H2 file store, and prints wall time, CPU and heap per host and the SSH commands per host.
 */
class RolloutSandboxBench {
    @TempDir
    Path dir;

    @Test
    void rollout() throws Exception {
        int n = Integer.getInteger("bench.hosts", 1000);
        int parallel = Integer.getInteger("bench.parallel", 50);
        long t0 = System.nanoTime();
        try (SandboxFleet sandbox = SandboxFleet.start(SandboxFleetSpec.of(n, Math.max(1, n / 100), dir.resolve("sandbox")))) {
            long started = System.nanoTime();
            List<HostTarget> hosts = SandboxRig.targets(sandbox);
            FleetSettings settings = FleetSettings.of(sandbox.user(), SshKey.fromFile(sandbox.privateKeyFile()),
                    sandbox.writeKnownHosts(dir.resolve("known_hosts")));
            try (Store store = Store.openDefault(dir.resolve("home")); SshFleet fleet = SshFleet.open(settings)) {
                RolloutEngine engine = new RolloutEngine(store.rollouts(), fleet, new InMemoryDrain(), Clock.systemUTC(),
                        IdGenerator.sequential(""));
                String id = engine.plan(SandboxRig.spec().withMaxParallel(parallel), hosts);
                long cpu0 = cpu();
                long t1 = System.nanoTime();
                RolloutSummary summary = engine.run(id);
                long wall = System.nanoTime() - t1;
                long cpu = cpu() - cpu0;
                MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
                long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                System.gc();
                double commands = sandbox.hosts().stream().mapToInt(h -> h.state().commandLog().size()).average().orElse(0);
                System.out.printf("BENCH hosts=%d parallel=%d result=%s; SSH commands per host %.2f%n", n, parallel,
                        summary.line(), commands);
                System.out.printf("BENCH sandbox start %.1f s; rollout wall %.1f s = %.1f ms/host; process CPU %.1f ms/host"
                                + " (client, sandbox and H2 together); heap after GC %d MiB, peak pools %d MiB; threads %d%n",
                        (started - t0) / 1e9, wall / 1e9, wall / 1e6 / n, cpu / 1e6 / n,
                        mem.getHeapMemoryUsage().getUsed() >> 20, heapPeak >> 20,
                        ManagementFactory.getThreadMXBean().getThreadCount());
            }
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
