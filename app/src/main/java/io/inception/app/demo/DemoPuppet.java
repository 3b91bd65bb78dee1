package io.inception.app.demo;

import io.inception.app.puppet.PuppetPlan;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.HostTrust;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.fleet.SshKey;
import io.inception.puppet.apply.HostApply;
import io.inception.puppet.apply.PuppetApplier;
import io.inception.puppet.stage.PuppetStageReport;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo's Puppet step: the control VMs of a sandbox deployment (simulated hosts behind real SSH)
 * get the sample manifests of {@code environments/puppet/} at this repository's HEAD commit — one
 * role each (keystone, glance, nova-api, nova-scheduler, nova-conductor, the cell's MySQL and
 * RabbitMQ) — then a second apply shows that nothing changes.
 */
public final class DemoPuppet {
    /** The control roles, one sandbox host each, in this order. */
    static final List<String> ROLES = List.of("keystone", "glance", "nova_api", "nova_scheduler", "nova_conductor",
            "cell_mysql", "cell_rabbitmq");

    /**
     * What the step did.
     *
     * @param first  the first apply (every host changed)
     * @param second the second apply (nothing changed)
     */
    public record Result(PuppetStageReport first, PuppetStageReport second) {
        public boolean ok() {
            return first.hosts().stream().allMatch(HostApply::ok) && second.hosts().stream().allMatch(h -> h.exitCode() == 0);
        }
    }

    private final PrintStream out;

    public DemoPuppet(PrintStream out) {
        this.out = out;
    }

    /** Starts its own sandbox control VMs under {@code workDir}, applies twice, stops them. */
    public Result run(Path workDir, Path sourceRoot) {
        try (SandboxFleet sandbox = SandboxFleet.start(SandboxFleetSpec.of(ROLES.size(), 1, workDir.resolve("puppet-sandbox")))) {
            List<HostTarget> vms = sandbox.endpoints().stream()
                    .map(e -> new HostTarget(e.name(), e.cell(), e.address(), e.port())).toList();
            FleetSettings settings = FleetSettings.of(sandbox.user(), SshKey.fromFile(sandbox.privateKeyFile()),
                    workDir.resolve("puppet-known_hosts")).withConnectTimeout(Duration.ofSeconds(5));
            HostTrust.enrol(settings, vms);
            return run(vms, settings, workDir, sourceRoot);
        }
    }

    /** Applies to control VMs that exist already (e.g. made by the iNova step), one role each in {@link #ROLES} order. */
    public Result run(List<HostTarget> controlVms, FleetSettings settings, Path workDir, Path sourceRoot) {
        EnvironmentFile env = environment(controlVms);
        PuppetPlan plan = PuppetPlan.prepare(env, controlVms, sourceRoot, workDir.resolve("cache/git"), null, null);
        out.println("==> Puppet: " + plan.nodes().size() + " control VMs, manifests environments/puppet @"
                + plan.tree().commit().shortCommit());
        try (SshFleet fleet = SshFleet.open(settings)) {
            PuppetApplier applier = plan.applier(fleet, Map.of("inception::environment", "local",
                    "inception::build::version", "2.0-1"), Duration.ofMinutes(2));
            PuppetStageReport first = new PuppetStageReport(plan.tree().commit(), false, applier.run(plan.nodes(), false, 8, h ->
                    out.printf("      %-10s %-10s %s%n", h.host(), h.status(), h.message())));
            out.println("    first apply: " + first.line());
            PuppetStageReport second = new PuppetStageReport(plan.tree().commit(), false, applier.run(plan.nodes(), false, 8, h -> { }));
            out.println("    second apply: " + second.line());
            return new Result(first, second);
        }
    }

    /** A sandbox environment whose puppet section gives each control VM one role. */
    static EnvironmentFile environment(List<HostTarget> vms) {
        return EnvironmentFile.parse("""
                name: local
                cells:
                  - name: local-c1
                    hosts: [sandbox-compute-1]
                """ + puppetSection(vms), "local.yaml").orElseThrow();
    }

    /** The {@code puppet:} section giving each control VM one role of {@link #ROLES}, endpoints on the first three. */
    static String puppetSection(List<HostTarget> vms) {
        StringBuilder roles = new StringBuilder();
        for (int i = 0; i < Math.min(vms.size(), ROLES.size()); i++) {
            roles.append("    - {role: ").append(ROLES.get(i)).append(", hosts: [").append(vms.get(i).name()).append("]}\n");
        }
        return """
                puppet:
                  path: environments/puppet
                  roles:
                %s  hiera:
                    inception::endpoints:
                      keystone: http://%s:5000/v3
                      glance: http://%s:9292
                      nova: http://%s:8774
                """.formatted(roles, vms.get(0).address(), vms.get(Math.min(1, vms.size() - 1)).address(),
                vms.get(Math.min(2, vms.size() - 1)).address());
    }
}
