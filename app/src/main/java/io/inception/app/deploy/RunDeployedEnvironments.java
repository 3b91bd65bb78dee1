package io.inception.app.deploy;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.rollout.EnvironmentTargets;
import io.inception.engine.rollout.HostPhase;
import io.inception.engine.rollout.HostRecord;
import io.inception.engine.rollout.RolloutStore;
import io.inception.engine.rollout.RolloutSummary;
import io.inception.engine.stage.StageContext;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.inova.environment.InovaConnector;
import io.inception.inova.openstack.KeystoneLogin;
import io.inception.inova.provision.ControlPlane;
import io.inception.packaging.stage.PackageReport;
import io.inception.smoke.deployed.CloudAccess;
import io.inception.smoke.deployed.DeployedEnvironment;
import io.inception.smoke.deployed.DeployedEnvironmentSource;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the smoke stage tests: the run's environment (file at the pipeline commit), its cloud (the
 * iNova login of its {@code control-plane:} section), the package version and snapshot of the run's
 * {@code package} stage, and the compute hosts — those the run's {@code rollout} stage upgraded when it
 * ran (a host the rollout failed and rolled back within the failure budget is known to run the previous
 * version: it is left out, and the log says so), else every host of the file.
 */
public final class RunDeployedEnvironments implements DeployedEnvironmentSource {
    private final RunEnvironments environments;
    private final EnvironmentLogins logins;
    private final ControlPlaneRecords records;
    private final InovaConnector connector;
    private final RolloutStore rollouts;

    public RunDeployedEnvironments(RunEnvironments environments, EnvironmentLogins logins, ControlPlaneRecords records,
                                   InovaConnector connector, RolloutStore rollouts) {
        this.environments = environments;
        this.logins = logins;
        this.records = records;
        this.connector = connector;
        this.rollouts = rollouts;
    }

    @Override
    public DeployedEnvironment resolve(StageContext context) {
        EnvironmentFile file = environments.of(context);
        ControlPlane plane = records.plane(file).orElseThrow(() -> new IllegalArgumentException(
                "environment '" + file.name() + "' has no control-plane: section: the smoke tests need its cloud"));
        KeystoneLogin login = connector.login(file, plane.spec());
        Optional<PackageReport> packages = context.output("package", PackageReport.class);
        String packageName = "nova-compute";
        String version = context.params().optionalString("version")
                .or(() -> packages.flatMap(p -> p.packages().stream().filter(r -> r.name().equals(packageName))
                        .map(PackageReport.PackageRecord::version).findFirst()))
                .orElseThrow(() -> new IllegalArgumentException("the smoke stage needs the version to expect: run it after"
                        + " the package stage, or give it `version:`"));
        String snapshot = packages.map(PackageReport::distribution).orElse(null);
        List<HostTarget> hosts = upgradedHosts(context, EnvironmentTargets.hosts(file));
        return new DeployedEnvironment(file.name(), new CloudAccess(URI.create(login.authUrl()), login.username(),
                login.password(), login.project(), login.domain()), packageName, version, snapshot, hosts,
                logins.settings(file), null);
    }

    /** The hosts the run's rollout (or its cells' rollouts) left on the new version, when the run had a rollout. */
    private List<HostTarget> upgradedHosts(StageContext context, List<HostTarget> all) {
        return upgradedHosts(context.output("rollout", RolloutSummary.class), rollouts, all, context.log()::info);
    }

    /**
     * Of {@code all}, the hosts {@code rollout} left DONE — every cell's rollout when the stage ran one per
     * cell (a cluster's); all of them when there was no rollout. The hosts left out are logged.
     */
    static List<HostTarget> upgradedHosts(Optional<RolloutSummary> rollout, RolloutStore rollouts, List<HostTarget> all,
                                          java.util.function.Consumer<String> log) {
        if (rollout.isEmpty()) return all;
        List<HostRecord> records = rollout.get().rolloutIds().stream().flatMap(id -> rollouts.hosts(id).stream()).toList();
        Set<String> done = records.stream().filter(h -> h.phase() == HostPhase.DONE).map(h -> h.host().name())
                .collect(Collectors.toSet());
        List<String> left = records.stream().filter(h -> h.phase() != HostPhase.DONE)
                .map(h -> h.host().name() + " (" + h.phase() + ")").toList();
        if (!left.isEmpty()) {
            log.accept("smoke: " + left.size() + " host(s) the rollout did not upgrade are not tested: " + String.join(", ", left));
        }
        return all.stream().filter(h -> done.contains(h.name())).toList();
    }
}
