package io.inception.app.demo;

import io.inception.engine.merge.Secret;
import io.inception.sandbox.xenapi.XenApiSimulator;
import io.inception.xen.lab.Lab;
import io.inception.xen.lab.LabOutcome;
import io.inception.xen.lab.LabRequest;
import io.inception.xen.lab.LabService;
import io.inception.xen.lab.PhysicalPool;
import io.inception.xen.lab.ReapReport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The demo's virtual lab: a developer asks for the 3-host nested XenServer template on the
 * simulated physical pool, gets it with a lease, and the reaper removes it once the lease is over
 * (the demo moves the reaper's clock past the lease instead of waiting eight hours).
 */
public final class DemoLab {
    /** What the lab step did. */
    public record Result(Lab lab, ReapReport reaped) {
    }

    private DemoLab() {
    }

    public static Result run(Path templates, Path labsDir, Clock clock, PrintStream out) {
        try (XenApiSimulator physical = XenApiSimulator.start()) {
            List<PhysicalPool> pools = List.of(new PhysicalPool("sandbox", physical.url(), physical.username(),
                    new Secret(physical.password())));
            LabService labs = LabService.standard(templates, labsDir, pools, clock);
            LabOutcome outcome = labs.create(new LabRequest("demo-dev", "nested-3", "demo", null));
            if (!(outcome instanceof LabOutcome.Created created)) {
                out.println("      lab not created: " + outcome);
                return new Result(null, null);
            }
            Lab lab = created.lab();
            long hosts = lab.vms().stream().filter(v -> v.role().contains("host")).count();
            out.printf("      lab %s for %s: %d nested XenServer hosts joined into a pool (master %s), %d VMs in all,"
                            + " lease until %s%n", lab.id(), lab.owner(), hosts, lab.masterAddress(), lab.vms().size(),
                    lab.lease().expiresAt());
            LabService later = LabService.standard(templates, labsDir, pools,
                    Clock.offset(clock, Duration.between(clock.instant(), lab.lease().expiresAt()).plusMinutes(1)));
            ReapReport reaped = later.reap();
            out.printf("      after the lease: the reaper removed %s and %d leaked VM(s)%n", reaped.expiredLabs(),
                    reaped.leakedVms().size());
            return new Result(lab, reaped);
        }
    }
}
