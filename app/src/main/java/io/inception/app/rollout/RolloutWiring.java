package io.inception.app.rollout;

import io.inception.app.InceptionHome;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.pipeline.PipelineRepository;
import io.inception.engine.rollout.AptSourceLines;
import io.inception.engine.rollout.EnvironmentTargets;
import io.inception.engine.rollout.RolloutStage;
import io.inception.engine.store.Store;
import io.inception.inova.environment.Credentials;
import io.inception.inova.environment.InovaConnector;

import java.time.Clock;
import java.util.Optional;
import java.util.Random;

/**
 * The {@code rollout} stage as a process runs it: hosts, login and plan from the environment files
 * of the config repository, Nova's drain where an environment has a control plane, and — after a
 * {@code package} stage — the build's published version and snapshot at the repository's URL.
 */
public final class RolloutWiring {
    private RolloutWiring() {
    }

    /**
     * @param configRepo the git repository holding {@code environments/} (path or URL)
     * @param ref        the ref its environment files are read at
     * @param repoUrl    where hosts read the apt repository; empty for {@link BuildReleases#defaultRepoUrl}
     */
    public static RolloutStage stage(InceptionHome home, Store store, Clock clock, String configRepo, String ref,
                                     Optional<String> repoUrl) {
        EnvironmentTargets targets = targets(home, configRepo, ref);
        RolloutDrains drains = RolloutDrains.of(new InovaConnector(Credentials.system(), Optional.empty(), clock));
        BuildReleases releases = new BuildReleases(store.builds(), home.packaging(clock));
        // the default is looked up when a rollout is planned: the server may start serving after this wiring
        AptSourceLines lines = suite -> releases.sourceLines(repoUrl.orElseGet(
                () -> BuildReleases.defaultRepoUrl(home.dir().resolve("apt")))).forSuite(suite);
        return new RolloutStage(store.rollouts(), targets, drains, Optional.of(lines), clock,
                IdGenerator.timeBased(clock, new Random()));
    }

    /** The environment files at {@code ref}, with the managed known_hosts under the home. */
    public static EnvironmentTargets targets(InceptionHome home, String configRepo, String ref) {
        return new EnvironmentTargets(name -> {
            try (PipelineRepository repository = PipelineRepository.open(configRepo)) {
                return repository.at(ref).environment(name);
            }
        }, home.dir().resolve("known_hosts"), InceptionHome.sourceRoot(), System::getenv);
    }
}
