package io.inception.app.promotion;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.merge.Secret;
import io.inception.engine.rollout.EnvironmentTargets;
import io.inception.engine.rollout.RolloutSection;
import io.inception.engine.rollout.RolloutTargets;
import io.inception.engine.store.EnvironmentResource;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.inova.environment.Credentials;
import io.inception.packaging.Packaging;
import io.inception.packaging.apt.AptRepository;
import io.inception.smoke.deployed.CloudAccess;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The targets of a real environment: its file (from the config repository), the compute hosts and SSH login
 * the rollout uses ({@link EnvironmentTargets}), the control VMs the provisioner stored for it
 * ({@code inception env provision}), and from its {@code promotion:} section the apt URL its hosts use and the
 * cloud the smoke suite logs in to.
 */
public final class ConfiguredDeployTargets implements DeployTargets {
    private final EnvironmentFiles files;
    private final ControlPlaneRecords controlPlanes;
    private final Path knownHostsDir;
    private final Path sourceRoot;
    private final Function<String, String> getenv;

    /**
     * @param knownHostsDir where the managed known_hosts files are ({@code $INCEPTION_HOME/known_hosts})
     * @param sourceRoot    the config repository's working tree: Puppet manifests and relative credential files
     */
    public ConfiguredDeployTargets(EnvironmentFiles files, ControlPlaneRecords controlPlanes, Path knownHostsDir,
                                   Path sourceRoot, Function<String, String> getenv) {
        this.files = files;
        this.controlPlanes = controlPlanes;
        this.knownHostsDir = knownHostsDir;
        this.sourceRoot = sourceRoot;
        this.getenv = getenv;
    }

    @Override
    public Target forEnvironment(String environment) {
        EnvironmentFile file = files.find(environment).orElseThrow(() -> new IllegalArgumentException(
                "there is no environment file for " + environment));
        PromotionSection.Settings promotion = PromotionSection.of(file);
        String aptUrl = promotion.aptUrl().orElseThrow(() -> new IllegalArgumentException(file.source()
                + " has no promotion.apt-url: where do its hosts reach Inception's apt repository?"));
        PromotionSection.SmokeCloud cloud = promotion.smokeCloud().orElseThrow(() -> new IllegalArgumentException(
                file.source() + " has no promotion.smoke-cloud: where does its smoke suite log in?"));
        RolloutTargets.Fleet fleet = new EnvironmentTargets(n -> file, knownHostsDir, sourceRoot, getenv)
                .forEnvironment(environment);
        return new Target(file, controlVms(file), fleet.hosts(), fleet.settings(),
                AptRepository.sourcesLine(aptUrl, environment, Packaging.HOST_KEYRING), access(file, cloud), sourceRoot);
    }

    /** The control VMs the provisioner stored, reached on the environment's SSH port. */
    private List<HostTarget> controlVms(EnvironmentFile file) {
        int port = file.section(new RolloutSection()).orElse(RolloutSection.Settings.DEFAULT).port();
        return controlPlanes.servers(file.name()).stream().map((EnvironmentResource r) -> new HostTarget(r.name(),
                r.cell(), r.address().isBlank() ? r.name() : r.address(), port)).toList();
    }

    private CloudAccess access(EnvironmentFile file, PromotionSection.SmokeCloud cloud) {
        if (!file.credentials().containsKey(cloud.passwordCredential())) {
            throw new IllegalArgumentException(file.source() + ": promotion.smoke-cloud.password names credential '"
                    + cloud.passwordCredential() + "', which is not under credentials:");
        }
        Secret password = new Credentials(getenv, sourceRoot).read(file, cloud.passwordCredential());
        return new CloudAccess(URI.create(cloud.authUrl()), cloud.username(), password, cloud.project(), cloud.domain());
    }
}
