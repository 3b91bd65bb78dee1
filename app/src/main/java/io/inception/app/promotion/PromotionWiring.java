package io.inception.app.promotion;

import io.inception.app.access.AuditTrail;
import io.inception.app.access.PasswordHasher;
import io.inception.app.access.Tokens;
import io.inception.app.access.UserDirectory;
import io.inception.engine.store.Store;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.packaging.Packaging;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The one place promotion's collaborators are chosen, for the CLI and the server alike: the gate (the smoke
 * suite of the environment promoted from), the apt suites, and the deploy of environments read from the config
 * repository ({@link EnvironmentDeploy} over {@link ConfiguredDeployTargets}).
 */
public final class PromotionWiring {
    private PromotionWiring() {
    }

    /** The build must have passed the smoke suite of the environment the target promotes from. */
    public static PromotionGate gate(Store store, EnvironmentFiles environments) {
        return new SmokePassedGate(store.builds(), environments);
    }

    /**
     * Deploys environments as their files at the config repository say: Puppet, rollout and smoke.
     *
     * @param home       Inception's home (smoke results, known_hosts, the manifests' cache)
     * @param sourceRoot the config repository's working tree (Puppet manifests, relative credential files)
     * @param progress   one line per step
     */
    public static StagingDeploy environmentDeploy(Store store, Path home, Packaging packaging,
                                                  EnvironmentFiles environments, Path sourceRoot, Clock clock,
                                                  Consumer<String> progress) {
        DeployTargets targets = new ConfiguredDeployTargets(environments,
                new ControlPlaneRecords(store.environmentResources()), home.resolve("known_hosts"), sourceRoot,
                System::getenv);
        return new EnvironmentDeploy(targets, new AptSuitePointers(packaging), store, home, clock, progress);
    }

    /** Deploys inline (the CLI without a server): its calls return the final outcome. */
    public static PromotionService service(Store store, Packaging packaging, EnvironmentFiles environments,
                                           StagingDeploy deploy, Clock clock) {
        return service(store, packaging, environments, deploy, clock, PromotionWorker.inline(store.promotions(), clock));
    }

    /** Deploys on {@code runner} (the server: {@link PromotionWorker#background}). */
    public static PromotionService service(Store store, Packaging packaging, EnvironmentFiles environments,
                                           StagingDeploy deploy, Clock clock, PromotionRunner runner) {
        return new PromotionService(store, gate(store, environments), new AptSuitePointers(packaging), deploy,
                new AuditTrail(store.audit(), clock), clock, new PromotionIds(store.promotions(), clock), runner);
    }

    public static UserDirectory users(Store store, Clock clock) {
        return new UserDirectory(store.users(), PasswordHasher.standard(), new Tokens(new SecureRandom()),
                new AuditTrail(store.audit(), clock), clock);
    }
}
