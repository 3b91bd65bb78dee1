package io.inception.app.deploy;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.HostTrust;
import io.inception.engine.fleet.TrustOutcome;
import io.inception.engine.rollout.EnvironmentTargets;
import io.inception.engine.rollout.RolloutSection;
import io.inception.engine.stage.StageContext;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.puppet.stage.PuppetTargets;

import java.util.List;
import java.util.function.Consumer;

/**
 * The Puppet stage's hosts: the control VMs the provisioner recorded for the environment (name, cell
 * and address as iNova reported them) and the compute hosts of the environment file, on the SSH port of
 * its {@code rollout:} section. Control VMs are Inception's own: their host keys are enrolled in the
 * environment's known_hosts the first time they are seen (a changed key is never replaced — the apply to
 * that VM then fails with the SSH client's message).
 */
public final class RunPuppetTargets implements PuppetTargets {
    private final RunEnvironments environments;
    private final EnvironmentLogins logins;
    private final ControlPlaneRecords records;

    public RunPuppetTargets(RunEnvironments environments, EnvironmentLogins logins, ControlPlaneRecords records) {
        this.environments = environments;
        this.logins = logins;
        this.records = records;
    }

    @Override
    public Targets forEnvironment(String environment) {
        return targets(environments.named(environment), line -> { });
    }

    @Override
    public Targets forRun(StageContext context) {
        return targets(environments.of(context), line -> context.log().info(line));
    }

    private Targets targets(EnvironmentFile file, Consumer<String> log) {
        int port = file.section(new RolloutSection()).orElse(RolloutSection.Settings.DEFAULT).port();
        List<HostTarget> control = records.servers(file.name()).stream()
                .filter(r -> r.address() != null && !r.address().isEmpty())
                .map(r -> new HostTarget(r.name(), r.cell(), r.address(), port)).toList();
        FleetSettings settings = logins.settings(file);
        if (!control.isEmpty()) {
            long recorded = HostTrust.enrol(settings, control).stream().filter(o -> o instanceof TrustOutcome.Recorded).count();
            if (recorded > 0) log.accept("puppet: enrolled the host keys of " + recorded + " new control VM(s)");
        }
        return new Targets(file, control, EnvironmentTargets.hosts(file), settings);
    }
}
