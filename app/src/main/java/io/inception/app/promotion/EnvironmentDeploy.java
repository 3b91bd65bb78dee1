package io.inception.app.promotion;

import io.inception.engine.fleet.SshFleet;
import io.inception.engine.rollout.RolloutSection;
import io.inception.engine.store.Promotion;
import io.inception.engine.store.Store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The real {@link StagingDeploy}: for the target environment, Puppet at the build's recorded manifest
 * commit on its control VMs, the build's package version rolled over its compute hosts (the environment
 * file's waves, gates and failure budget; rollback policy {@code all}), then its smoke suite, whose report
 * becomes the build fact {@code smoke:<env>} and an Allure report under {@code <home>/runs/<promotion>/smoke}.
 * A failure at any step undoes what was done — the environment's suite goes back to the previous build (so that
 * apt finds the hosts' previous version), the rolled-out hosts go back to that version, the control VMs back to
 * the previous promotion's Puppet commit — and the outcome says why.
 */
public final class EnvironmentDeploy implements StagingDeploy {
    private final DeployTargets targets;
    private final SuitePointers suites;
    private final Store store;
    private final Path home;
    private final Clock clock;
    private final Consumer<String> progress;
    private final Duration poll;

    /**
     * @param home     Inception's home: smoke results go to {@code runs/<promotion>/smoke}, the environment's
     *                 Allure history to {@code smoke-history/}, mirrored manifest repositories to {@code cache/git}
     * @param progress one line per step, for the terminal
     */
    public EnvironmentDeploy(DeployTargets targets, SuitePointers suites, Store store, Path home, Clock clock,
                             Consumer<String> progress) {
        this(targets, suites, store, home, clock, progress, Duration.ofSeconds(1));
    }

    EnvironmentDeploy(DeployTargets targets, SuitePointers suites, Store store, Path home, Clock clock,
                      Consumer<String> progress, Duration poll) {
        this.targets = targets;
        this.suites = suites;
        this.store = store;
        this.home = home;
        this.clock = clock;
        this.progress = progress;
        this.poll = poll;
    }

    @Override
    public Outcome deploy(Request request) {
        return deploy(request, line -> { });
    }

    @Override
    public Outcome deploy(Request request, Consumer<String> steps) {
        Consumer<String> progress = this.progress.andThen(steps);
        String env = request.environment();
        DeployTargets.Target target;
        try {
            target = targets.forEnvironment(env);
        } catch (RuntimeException e) {
            return new Outcome.Failed("cannot deploy " + env + ": " + e.getMessage() + "; no host was changed");
        }
        String packageName = target.file().section(new RolloutSection()).orElse(RolloutSection.Settings.DEFAULT)
                .packageName();
        Optional<String> version = BuildPackages.version(store, request.buildId(), packageName);
        if (version.isEmpty()) {
            return new Outcome.Failed("build " + request.buildId() + " recorded no " + packageName
                    + " version (no package fact); no host was changed");
        }
        String commit = BuildPackages.puppetCommit(store, request.buildId(), request.puppetCommit());
        String previousCommit = EnvironmentHistory.current(store.promotions(), env).map(Promotion::puppetCommit)
                .orElse(null);
        try (SshFleet ssh = SshFleet.open(target.ssh())) {
            DeployAttempt attempt = new DeployAttempt(request, target, version.get(), commit, previousCommit, suites,
                    store, ssh, home, clock, progress, poll);
            Optional<String> failure;
            try {
                failure = attempt.puppet().or(attempt::rollout).or(attempt::smoke);
            } catch (RuntimeException e) {
                failure = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (failure.isPresent()) return new Outcome.Failed(failure.get() + "; " + attempt.undo(failure.get()));
            return new Outcome.Deployed(attempt.summary());
        } catch (RuntimeException e) {
            // opening the fleet, or undoing, went wrong: the promotion must still end, saying so
            return new Outcome.Failed("deploy of " + env + " broke off: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "; check its hosts (inception rollout show, inception puppet drift " + env + ")");
        }
    }
}
