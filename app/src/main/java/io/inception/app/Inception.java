package io.inception.app;

import io.inception.app.approval.ApprovalStage;
import io.inception.app.deploy.EnvironmentLogins;
import io.inception.app.deploy.RunControlPlanes;
import io.inception.app.deploy.RunDeployedEnvironments;
import io.inception.app.deploy.RunEnvironments;
import io.inception.app.deploy.RunPuppetTargets;
import io.inception.app.deploy.RunRolloutTargets;
import io.inception.engine.executor.Executor;
import io.inception.engine.executor.IdGenerator;
import io.inception.app.rollout.BuildReleases;
import io.inception.app.rollout.RolloutDrains;
import io.inception.engine.rollout.AptSourceLines;
import io.inception.engine.rollout.RolloutStage;
import io.inception.app.cluster.ClusterRollouts;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.inova.environment.Credentials;
import io.inception.inova.environment.InovaConnector;
import io.inception.inova.openstack.KeystoneLogin;
import io.inception.inova.stage.ProvisionStage;
import io.inception.puppet.stage.PuppetStage;
import io.inception.puppet.validate.ManifestTestStage;
import io.inception.smoke.report.SmokeHistory;
import io.inception.smoke.stage.SmokeStage;
import io.inception.engine.merge.MergeStage;
import io.inception.engine.stage.Stage;
import io.inception.engine.store.Store;
import io.inception.engine.unittest.TestCommandRunner;
import io.inception.engine.unittest.UnitTestStage;
import io.inception.packaging.build.UnitTestRunners;
import io.inception.packaging.stage.PackageStage;

import java.nio.file.Path;
import java.time.Clock;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wiring of one Inception process: its home, its store, every stage implementation the
 * modules provide, and the executor over them. The only place that knows every module.
 */
public final class Inception implements AutoCloseable {
    private final InceptionHome home;
    private final Store store;
    private final Executor executor;
    private final List<AutoCloseable> resources;

    private Inception(InceptionHome home, Store store, Executor executor, List<AutoCloseable> resources) {
        this.home = home;
        this.store = store;
        this.executor = executor;
        this.resources = resources;
    }

    /**
     * How the deploy stages reach an environment's peers.
     *
     * @param configRepository where environment files are read outside a run (a run reads its own
     *                         pipeline repository at its commit)
     * @param baseDir          what relative credential files ({@code ssh-key: {file: ...}}) are relative to
     * @param sandboxInova     the login of the sandbox iNova, for environments whose {@code control-plane.inova}
     *                         is {@code sandbox} (the demo's, or {@code sandbox up --json}'s)
     * @param aptUrl           where hosts reach Inception's apt repository ({@code inception server}'s
     *                         {@code http://HOST:PORT/apt}); without it a rollout stage needs its
     *                         {@code apt-source} given
     * @param cluster          this process is a node of a cluster ({@code inception server --cluster}): the
     *                         rollout stage queues each cell's waves for the nodes of its zone
     */
    public record Deployments(Path configRepository, Path baseDir, Optional<KeystoneLogin> sandboxInova,
                              Optional<String> aptUrl, boolean cluster) {
        /** Deployments of a process that is not a cluster node. */
        public Deployments(Path configRepository, Path baseDir, Optional<KeystoneLogin> sandboxInova,
                           Optional<String> aptUrl) {
            this(configRepository, baseDir, sandboxInova, aptUrl, false);
        }

        /** This project's working tree; files relative to the working directory; no sandbox; {@code $INCEPTION_APT_URL}. */
        public static Deployments standard() {
            return new Deployments(InceptionHome.sourceRoot(), Path.of("").toAbsolutePath(), Optional.empty(),
                    Optional.ofNullable(System.getenv("INCEPTION_APT_URL")).filter(s -> !s.isBlank()));
        }
    }

    /**
     * Opens the store ({@code dbUrl}, or the embedded H2 file under the home when null) and an
     * executor with every stage type.
     */
    public static Inception open(InceptionHome home, String dbUrl, Clock clock) {
        return open(home, dbUrl, clock, Deployments.standard());
    }

    /** {@link #open(InceptionHome, String, Clock)} with the deploy stages reaching peers as {@code deployments} says. */
    public static Inception open(InceptionHome home, String dbUrl, Clock clock, Deployments deployments) {
        Store store = dbUrl == null || dbUrl.isBlank() ? Store.openDefault(home.dir()) : Store.open(dbUrl);
        List<AutoCloseable> resources = new ArrayList<>();
        Executor executor = Executor.withStages(stages(home, clock, store, deployments, resources)).withClock(clock)
                .open(store, home.dir());
        return new Inception(home, store, executor, resources);
    }

    /** Every stage implementation, by the modules that provide them; what must be closed goes to {@code resources}. */
    static List<Stage> stages(InceptionHome home, Clock clock, Store store, Deployments deployments,
                              List<AutoCloseable> resources) {
        Path work = home.work();
        RunEnvironments environments = new RunEnvironments(deployments.configRepository());
        EnvironmentLogins logins = new EnvironmentLogins(home.dir().resolve("known_hosts"), deployments.baseDir(), System::getenv);
        ControlPlaneRecords records = new ControlPlaneRecords(store.environmentResources());
        InovaConnector inova = new InovaConnector(new Credentials(System::getenv, deployments.baseDir()),
                deployments.sandboxInova(), clock);
        RunControlPlanes controlPlanes = new RunControlPlanes(environments, records, inova);
        resources.add(controlPlanes);
        RolloutDrains drains = RolloutDrains.of(inova);
        resources.add(drains);
        BuildReleases releases = new BuildReleases(store.builds(), home.packaging(clock));
        // looked up when a rollout is planned: the server may start serving the repository after this wiring
        AptSourceLines aptLines = suite -> releases.sourceLines(deployments.aptUrl().orElseGet(
                () -> BuildReleases.defaultRepoUrl(home.dir().resolve("apt")))).forSuite(suite);
        return List.of(
                new MergeStage(work, clock),
                new UnitTestStage(work, unitTestRunner()),
                new ManifestTestStage(work, unitTestRunner(), home.dir().resolve("cache/manifests"),
                        context -> Optional.of(environments.of(context)), clock),
                new PackageStage(home.packaging(clock), InceptionHome.sourceRoot().resolve("environments/packages"), work),
                new ProvisionStage(controlPlanes, records, clock),
                new PuppetStage(new RunPuppetTargets(environments, logins, records), home.dir().resolve("cache/puppet")),
                new RolloutStage(store.rollouts(), new RunRolloutTargets(environments, logins), drains, Optional.of(aptLines),
                        ClusterRollouts.driver(deployments.cluster(), store, clock,
                                IdGenerator.timeBased(clock, new SecureRandom()), resources)),
                new SmokeStage(new RunDeployedEnvironments(environments, logins, records, inova, store.rollouts()),
                        store.builds(), new SmokeHistory(home.dir().resolve("smoke-history")), clock),
                new ApprovalStage(store.audit()));
    }

    /**
     * Where unit tests run: {@code INCEPTION_RUNNER=local|docker} forces one; otherwise throwaway
     * containers from the project's Debian image (or {@code INCEPTION_TEST_IMAGE}) when Docker answers
     * and the image is built, else local processes (one log line says why). See {@link UnitTestRunners}.
     * Chosen once per process, so every command of it and the server use the same runner.
     */
    static synchronized TestCommandRunner unitTestRunner() {
        if (unitTestRunner == null) {
            unitTestRunner = UnitTestRunners.choose(System.getenv("INCEPTION_RUNNER"),
                    System.getenv("INCEPTION_TEST_IMAGE"), InceptionHome.sourceRoot());
        }
        return unitTestRunner;
    }

    private static TestCommandRunner unitTestRunner;

    public InceptionHome home() {
        return home;
    }

    public Store store() {
        return store;
    }

    public Executor executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.close();
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(Inception.class).warn("closing {}: {}", r, e.toString());
            }
        }
        store.close();
    }
}
