package io.inception.app.demo;

import io.inception.app.InceptionHome;
import io.inception.app.access.Actor;
import io.inception.app.access.AuditTrail;
import io.inception.app.access.Role;
import io.inception.app.promotion.EnvironmentDeploy;
import io.inception.app.promotion.PromotionIds;
import io.inception.app.promotion.PromotionOutcome;
import io.inception.app.promotion.PromotionRunner;
import io.inception.app.promotion.PromotionService;
import io.inception.app.promotion.PromotionWorker;
import io.inception.app.promotion.SmokePassedGate;
import io.inception.app.release.ReleaseFixture;
import io.inception.app.promotion.StagingDeploy;
import io.inception.engine.model.Build;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.rollout.HostPhase;
import io.inception.engine.rollout.InMemoryDrain;
import io.inception.engine.rollout.RolloutEngine;
import io.inception.engine.rollout.RolloutRecord;
import io.inception.engine.store.Promotion;
import io.inception.engine.store.PromotionStatus;
import io.inception.engine.store.Store;
import io.inception.engine.wait.WaitStrategy;
import io.inception.engine.wait.Waited;
import io.inception.packaging.stage.PackageReport;
import io.inception.sandbox.ssh.HostFault;
import io.inception.sandbox.ssh.PackageIndex;
import io.inception.smoke.run.SmokeReport;
import io.inception.smoke.stage.SmokeGate;
import io.inception.smoke.stage.SmokeStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EnvironmentDeploy} against a sandbox staging (control VMs, 4 compute hosts behind real SSH, the
 * iNova simulator): Puppet, the rollout and the smoke suite; a failing rollout or smoke suite leaves every
 * host on the version it had.
 */
class SandboxStagingDeployTest {
    static final String APT = "deb [trusted=yes] http://127.0.0.1:9/apt/ staging main";

    @TempDir
    Path home;
    Store store;
    SandboxStaging staging;
    final List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Suites in memory, every repointing in order. */
    final List<String> pointed = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Map<String, String> suites = new java.util.concurrent.ConcurrentHashMap<>();
    final io.inception.app.promotion.SuitePointers pointers = new io.inception.app.promotion.SuitePointers() {
        @Override
        public java.util.Optional<String> current(String suite) {
            return java.util.Optional.ofNullable(suites.get(suite));
        }

        @Override
        public String point(String suite, String buildId) {
            suites.put(suite, buildId);
            pointed.add(suite + "=" + buildId);
            return "builds/" + buildId;
        }
    };

    @BeforeEach
    void start() {
        store = Store.openDefault(home);
        store.builds().save(new Build("b-7", null, List.of(), "abc", Instant.parse("2026-11-27T05:00:00Z")));
        store.builds().putFact("b-7", "package", new PackageReport("b-7", "2.0-1", List.of(new PackageReport.PackageRecord(
                "nova-compute", "2.0-1", "all", 1, "00", "/w/nova-compute.deb")), "builds/b-7", "qe"));
        store.builds().save(new Build("b-9", null, List.of(), "abd", Instant.parse("2026-11-27T06:00:00Z")));
        store.builds().putFact("b-9", "package", new PackageReport("b-9", "3.0-1", List.of(new PackageReport.PackageRecord(
                "nova-compute", "3.0-1", "all", 1, "00", "/w/nova-compute.deb")), "builds/b-9", "qe"));
        staging = sandbox(null);
    }

    /** The sandbox staging; with a manual gate after its canary wave when {@code gateTimeout} is not null. */
    SandboxStaging sandbox(Duration gateTimeout) {
        return SandboxStaging.start(PackageIndex.fixed(Map.of("nova-compute", List.of("1.0-1", "2.0-1", "3.0-1"))), APT,
                "http://127.0.0.1:9/apt", null, 4, "qe", "smoke: {retries: 0}\n", gateTimeout,
                home.resolve(gateTimeout == null ? "sandbox" : "gated"), InceptionHome.sourceRoot());
    }

    @AfterEach
    void stop() {
        staging.close();
        store.close();
    }

    StagingDeploy.Outcome deploy() {
        return deploy("b-7");
    }

    StagingDeploy.Outcome deploy(String build) {
        return new EnvironmentDeploy(staging, pointers, store, home, Clock.systemUTC(), progress::add)
                .deploy(new StagingDeploy.Request("staging", build, "builds/" + build, null, "p-1", "b-6"));
    }

    List<String> versions() {
        return staging.computeHosts().stream()
                .map(h -> staging.fleet().get(h.name()).state().version("nova-compute").orElse("?")).toList();
    }

    @Test
    void puppetRolloutAndSmokeDeployTheBuildAndKeepTheSmokeReportWithIt() {
        StagingDeploy.Outcome outcome = deploy();

        assertThat(outcome).as(String.join("\n", progress)).isInstanceOf(StagingDeploy.Outcome.Deployed.class);
        assertThat(((StagingDeploy.Outcome.Deployed) outcome).summary()).contains("on 7 control VM(s)",
                "4 of 4 host(s) on nova-compute 2.0-1", "smoke passed: ");
        assertThat(versions()).containsOnly("2.0-1");
        assertThat(progress).anyMatch(l -> l.startsWith("Puppet @") && l.endsWith("on 7 control VM(s) of staging"));
        assertThat(SmokeGate.decide(store.builds(), "b-7", "staging").open()).isTrue();
        assertThat(home.resolve("runs/p-1/smoke/allure-report/index.html")).isNotEmptyFile();
        assertThat(progress).anyMatch(l -> l.startsWith("rollout ro-") && l.contains("SUCCEEDED 4 hosts: 4 done"));
    }

    @Test
    void aRolloutThatSpendsItsBudgetRollsEveryHostBack() {
        staging.fleet().get(staging.computeHosts().get(1).name()).state().inject(HostFault.INSTALL_FAILS);
        staging.fleet().get(staging.computeHosts().get(2).name()).state().inject(HostFault.INSTALL_FAILS);

        StagingDeploy.Outcome outcome = deploy("b-9"); // the newest version: the broken postinst fails it

        assertThat(outcome).isInstanceOf(StagingDeploy.Outcome.Failed.class);
        assertThat(((StagingDeploy.Outcome.Failed) outcome).reason()).contains("rollout ro-", "FAILED 4 hosts",
                "failure budget spent", "host(s) rolled back to their previous version");
        assertThat(versions()).containsOnly("1.0-1");
        assertThat(pointed).containsExactly("staging=b-6");
        assertThat(store.builds().facts("b-9")).doesNotContainKey(SmokeStage.factName("staging"));
    }

    @Test
    void aFailedSmokeSuiteRollsTheUpgradedHostsBackAndKeepsTheFailedReport() {
        staging.cloud().faults().computeHostDown(staging.computeHosts().get(0).name(), true);

        StagingDeploy.Outcome outcome = deploy();

        assertThat(outcome).isInstanceOf(StagingDeploy.Outcome.Failed.class);
        String reason = ((StagingDeploy.Outcome.Failed) outcome).reason();
        assertThat(pointed).containsExactly("staging=b-6");
        assertThat(reason).contains("smoke staging [smoke] failed", "4 host(s) rolled back to their previous version",
                "control VMs keep Puppet @");
        assertThat(versions()).containsOnly("1.0-1");
        RolloutRecord rollout = store.rollouts().list().get(0);
        assertThat(rollout.message()).startsWith("rolled back: promotion p-1 failed: smoke staging");
        assertThat(store.rollouts().hosts(rollout.id())).allMatch(h -> h.phase() == HostPhase.ROLLED_BACK);
        SmokeReport report = io.inception.engine.store.EngineJson.read(
                store.builds().factJson("b-7", SmokeStage.factName("staging")).orElseThrow(), SmokeReport.class);
        assertThat(report.passed()).isFalse();
        assertThat(SmokeGate.decide(store.builds(), "b-7", "staging").open()).isFalse();
    }

    @Test
    void aBuildWithoutAPackageVersionChangesNothing() throws Exception {
        store.builds().save(new Build("b-8", null, List.of(), "abc", Instant.parse("2026-11-27T05:00:00Z")));

        StagingDeploy.Outcome outcome = new EnvironmentDeploy(staging, pointers, store, home, Clock.systemUTC(),
                progress::add).deploy(new StagingDeploy.Request("staging", "b-8", "builds/b-8", null, "p-2", null));

        assertThat(outcome).isEqualTo(new StagingDeploy.Outcome.Failed(
                "build b-8 recorded no nova-compute version (no package fact); no host was changed"));
        assertThat(versions()).containsOnly("1.0-1");
        assertThat(Files.exists(home.resolve("runs/p-2"))).isFalse();
    }

    @Test
    void rollbackRePromotesThePreviousGoodBuildOntoTheHosts() {
        PromotionService service = promotions(PromotionWorker.inline(store.promotions(), Clock.systemUTC()));

        assertThat(service.promote(RITA, "b-7", "staging")).as(String.join("\n", progress))
                .isInstanceOf(PromotionOutcome.Promoted.class);
        assertThat(service.promote(RITA, "b-9", "staging")).isInstanceOf(PromotionOutcome.Promoted.class);
        assertThat(versions()).containsOnly("3.0-1");

        PromotionOutcome back = service.rollback(RITA, "staging");

        assertThat(back).as(back.message()).isInstanceOf(PromotionOutcome.Promoted.class);
        assertThat(((PromotionOutcome.Promoted) back).promotion().buildId()).isEqualTo("b-7");
        assertThat(versions()).containsOnly("2.0-1");
        assertThat(suites).containsEntry("staging", "b-7");
        assertThat(pointed).containsExactly("staging=b-7", "staging=b-9", "staging=b-7");
    }

    /** A promotion service over the sandbox staging whose builds b-7 and b-9 passed QE's smoke suite. */
    PromotionService promotions(PromotionRunner runner) {
        for (String b : List.of("b-7", "b-9")) {
            store.builds().putFact(b, SmokeStage.factName("qe"), ReleaseFixture.smokeReport("qe", "x", true, Instant.now()));
        }
        Clock clock = Clock.systemUTC();
        return new PromotionService(store, new SmokePassedGate(store.builds(),
                n -> java.util.Optional.of(staging.file())), pointers,
                new EnvironmentDeploy(staging, pointers, store, home, clock, progress::add), new AuditTrail(store.audit(), clock),
                clock, new PromotionIds(store.promotions(), clock), runner);
    }

    @Test
    void aPromotionWaitsAtTheRolloutsManualGateAndOnceApprovedStagingRunsTheBuild() throws Exception {
        staging.close();
        staging = sandbox(Duration.ofMinutes(10));
        suites.put("staging", "b-6");
        try (PromotionWorker worker = PromotionWorker.background(store.promotions(), Clock.systemUTC())) {
            PromotionOutcome started = promotions(worker).promote(RITA, "b-7", "staging");
            assertThat(started).as(started.message()).isInstanceOf(PromotionOutcome.Started.class);
            String id = ((PromotionOutcome.Started) started).promotion().id();

            RolloutRecord waiting = await("the rollout at its manual gate", () -> store.rollouts().list().stream()
                    .filter(r -> r.status() == ExecutionStatus.WAITING).findFirst());
            assertThat(versions()).as("the canary is upgraded, the rest waits").containsExactlyInAnyOrder("2.0-1",
                    "1.0-1", "1.0-1", "1.0-1");
            Promotion held = await("the promotion to say where it waits", () -> store.promotions().find(id)
                    .filter(p -> p.message().contains("waiting for approval")));
            assertThat(held.status()).isEqualTo(PromotionStatus.RUNNING);
            assertThat(held.message()).contains(waiting.id(), "inception rollout approve " + waiting.id());

            assertThat(new RolloutEngine(store.rollouts(), null, new InMemoryDrain(), Clock.systemUTC(),
                    IdGenerator.timeBased(Clock.systemUTC(), new java.util.Random())).approve(waiting.id())).isTrue();

            Promotion done = await("the promotion to end", () -> store.promotions().find(id)
                    .filter(p -> p.status().isComplete()));
            assertThat(done.status()).as(done.message() + "\n" + String.join("\n", progress))
                    .isEqualTo(PromotionStatus.SUCCEEDED);
            assertThat(done.message()).contains("4 of 4 host(s) on nova-compute 2.0-1", "smoke passed");
            assertThat(versions()).containsOnly("2.0-1");
            assertThat(suites).containsEntry("staging", "b-7");
        }
    }

    @Test
    void aGateNobodyApprovesBeforeTheGateTimeoutFailsThePromotionAndUndoesIt() {
        staging.close();
        staging = sandbox(Duration.ofSeconds(3));
        suites.put("staging", "b-6");

        PromotionOutcome outcome = promotions(PromotionWorker.inline(store.promotions(), Clock.systemUTC()))
                .promote(RITA, "b-7", "staging");

        assertThat(outcome).as(outcome.message()).isInstanceOf(PromotionOutcome.Failed.class);
        RolloutRecord rollout = store.rollouts().list().get(0);
        assertThat(outcome.message()).contains("rollout " + rollout.id() + " still waiting after PT3S (waiting for approval",
                "1 host(s) rolled back to their previous version", "staging stays on b-6");
        assertThat(versions()).containsOnly("1.0-1");
        assertThat(suites).containsEntry("staging", "b-6");
        assertThat(pointed).startsWith("staging=b-7", "staging=b-6").endsWith("staging=b-6");
        assertThat(rollout.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(store.rollouts().hosts(rollout.id())).filteredOn(h -> h.phase() == HostPhase.ROLLED_BACK).hasSize(1);
        assertThat(store.promotions().list(1).get(0).status()).isEqualTo(PromotionStatus.FAILED);
    }

    static final Actor RITA = new Actor("rita", Role.RELEASE_MANAGER, "test");

    static <T> T await(String what, java.util.function.Supplier<java.util.Optional<T>> probe) throws InterruptedException {
        Waited<T> w = WaitStrategy.of(Duration.ofSeconds(90), Duration.ofMillis(100)).poll(what, probe);
        assertThat(w).as(w.toString()).isInstanceOf(Waited.Reached.class);
        return ((Waited.Reached<T>) w).value();
    }
}
