package io.inception.app.web;

import io.inception.app.access.Actor;
import io.inception.app.access.AuditTrail;
import io.inception.app.access.PasswordHasher;
import io.inception.app.access.Role;
import io.inception.app.access.Tokens;
import io.inception.app.access.UserDirectory;
import io.inception.app.promotion.PromotionIds;
import io.inception.app.promotion.PromotionService;
import io.inception.app.promotion.PromotionWorker;
import io.inception.app.promotion.SmokePassedGate;
import io.inception.app.promotion.StagingDeploy;
import io.inception.app.promotion.SuitePointers;
import io.inception.app.release.LagBehindTrunk;
import io.inception.app.release.ReleaseFixture;
import io.inception.app.release.ReleaseManifests;
import io.inception.app.release.TrunkHistory;
import io.inception.engine.rollout.HostPhase;
import io.inception.engine.store.Store;
import io.inception.packaging.signing.Secret;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A running web server over a fresh store holding two QE-passed builds, a rollout in progress, users
 * {@code rita} (release manager) and {@code dave} (developer); suites and the staging deploy are in-memory
 * fakes that record what they were asked (the deploy runs on the server's promotion worker and can be held at a
 * "gate"), and trunk is 3 commits / 20 days ahead of what qe runs.
 */
final class WebFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-27T04:00:00Z");
    static final String RITA_PASSWORD = "correct horse battery";
    static final String DAVE_PASSWORD = "developer secret 1";

    final Store store;
    final WebServer server;
    final Map<String, String> suites = new java.util.concurrent.ConcurrentHashMap<>(Map.of("qe", "b-2"));
    final List<StagingDeploy.Request> deploys = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** When set, the staging deploy waits at its "gate" until this is counted down (at most 60 s). */
    volatile CountDownLatch hold;
    final String ritaToken;
    final String daveToken;

    private final boolean ownsStore;

    WebFixture(Path home) {
        this(Store.openDefault(home), home, true);
    }

    /** Over {@code store} (e.g. an {@code Inception}'s, whose executor runs pipelines), which the caller closes. */
    WebFixture(Store store, Path home) {
        this(store, home, false, null);
    }

    /** Over {@code store}, starting runs through {@code runs} ({@code POST /api/runs}). */
    WebFixture(Store store, Path home, RunStarter runs) {
        this(store, home, false, runs);
    }

    private WebFixture(Store store, Path home, boolean ownsStore) {
        this(store, home, ownsStore, null);
    }

    private WebFixture(Store store, Path home, boolean ownsStore, RunStarter runs) {
        Clock clock = Clock.systemUTC();
        this.store = store;
        this.ownsStore = ownsStore;
        ReleaseFixture.qePassedBuild(store, "b-1", T0.minusSeconds(7200), true);
        ReleaseFixture.qePassedBuild(store, "b-2", T0.minusSeconds(3600), true);
        ReleaseFixture.rollout(store, "ro-live", "qe", "b-2", "29.0.0-1", T0, HostPhase.PENDING);
        AuditTrail audit = new AuditTrail(store.audit(), clock);
        // cheap Argon2 parameters: the format and the check are the same, only slower in production
        UserDirectory users = new UserDirectory(store.users(), new PasswordHasher(1024, 1, new SecureRandom()),
                new Tokens(new SecureRandom()), audit, clock);
        Actor admin = new Actor("admin", Role.ADMIN, "test");
        users.add(admin, "rita", Role.RELEASE_MANAGER, Secret.of(RITA_PASSWORD));
        users.add(admin, "dave", Role.DEVELOPER, Secret.of(DAVE_PASSWORD));
        ritaToken = users.issueToken(admin, "rita", "test").orElseThrow();
        daveToken = users.issueToken(admin, "dave", "test").orElseThrow();
        SuitePointers pointers = new SuitePointers() {
            @Override
            public Optional<String> current(String suite) {
                return Optional.ofNullable(suites.get(suite));
            }

            @Override
            public String point(String suite, String buildId) {
                suites.put(suite, buildId);
                return "builds/" + buildId;
            }
        };
        StagingDeploy deploy = new StagingDeploy() {
            @Override
            public Outcome deploy(Request r) {
                return deploy(r, line -> { });
            }

            @Override
            public Outcome deploy(Request r, java.util.function.Consumer<String> progress) {
                deploys.add(r);
                progress.accept("Puppet @" + r.puppetCommit() + " on 9 control VM(s) of " + r.environment());
                progress.accept("rollout ro-" + r.promotionId() + ": waiting at gate of wave rest");
                CountDownLatch gate = hold;
                try {
                    if (gate != null && !gate.await(60, TimeUnit.SECONDS)) return new Outcome.Failed("held for 60 s");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Outcome.Failed("interrupted");
                }
                progress.accept("smoke: 14 of 14 passed");
                return new Outcome.Deployed("4 hosts upgraded, smoke 14/14");
            }
        };
        TrunkHistory trunk = (url, branch, sha) -> Optional.of(new TrunkHistory.Missing(3,
                clock.instant().minus(Duration.ofDays(20))));
        WebServices services = new WebServices(store, new ReleaseManifests(store),
                new PromotionService(store, new SmokePassedGate(store.builds(), name -> Optional.empty()), pointers, deploy, audit, clock,
                        new PromotionIds(store.promotions(), clock), PromotionWorker.background(store.promotions(), clock)),
                users, audit, new LagBehindTrunk(List.of("qe", "staging"), pointers, store.builds(), trunk, clock,
                Duration.ofDays(14)), null, clock, Duration.ofMillis(200), home.resolve("runs"));
        if (runs != null) services = services.withRuns(runs);
        server = WebServer.start(services, new InetSocketAddress("127.0.0.1", 0), Duration.ZERO);
    }

    /** Moves one host of the live rollout to {@code phase}, as the rollout engine does. */
    void move(String host, HostPhase phase) {
        var record = store.rollouts().hosts("ro-live").stream().filter(h -> h.host().name().equals(host))
                .findFirst().orElseThrow();
        store.rollouts().update("ro-live", record.withPhase(phase, "", Instant.now()));
    }

    @Override
    public void close() {
        server.close();
        if (ownsStore) store.close();
    }
}
