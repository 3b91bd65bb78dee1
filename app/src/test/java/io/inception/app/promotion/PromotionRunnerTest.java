package io.inception.app.promotion;

import io.inception.app.access.AuditTrail;
import io.inception.app.release.ReleaseFixture;
import io.inception.engine.store.AuditEntry;
import io.inception.engine.store.Promotion;
import io.inception.engine.store.PromotionStatus;
import io.inception.engine.store.Store;
import io.inception.engine.wait.WaitStrategy;
import io.inception.engine.wait.Waited;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static io.inception.app.promotion.PromotionServiceTest.RITA;
import static io.inception.app.promotion.PromotionServiceTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Promotions carried out off the caller's thread, and promotions whose process died. */
class PromotionRunnerTest {
    final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    final PromotionServiceTest.FakeSuites suites = new PromotionServiceTest.FakeSuites();
    @TempDir
    Path home;
    Store store;

    @BeforeEach
    void open() {
        store = Store.openDefault(home);
        ReleaseFixture.qePassedBuild(store, "b-1", T0.minusSeconds(7200), true);
        ReleaseFixture.qePassedBuild(store, "b-2", T0.minusSeconds(3600), true);
    }

    @AfterEach
    void close() {
        store.close();
    }

    PromotionService service(StagingDeploy deploy, PromotionRunner runner) {
        return new PromotionService(store, new SmokePassedGate(store.builds(), name -> Optional.empty()), suites, deploy,
                new AuditTrail(store.audit(), clock), clock, new PromotionIds(store.promotions(), clock), runner);
    }

    @Test
    void onAWorkerPromoteReturnsAtOnceAndTheStoredPromotionTellsHowItGoes() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        StagingDeploy held = new StagingDeploy() {
            @Override
            public Outcome deploy(Request request) {
                throw new AssertionError("the service passes its progress");
            }

            @Override
            public Outcome deploy(Request request, Consumer<String> progress) {
                progress.accept("Puppet @abc on 9 control VM(s)");
                progress.accept("rollout ro-1: waiting at the manual gate of wave rest");
                try {
                    return gate.await(30, TimeUnit.SECONDS) ? new Outcome.Deployed("4 hosts upgraded")
                            : new Outcome.Failed("the test never opened the gate");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Outcome.Failed("interrupted");
                }
            }
        };
        try (PromotionWorker worker = PromotionWorker.background(store.promotions(), clock)) {
            PromotionService service = service(held, worker);

            PromotionOutcome started = service.promote(RITA, "b-1", "staging");

            assertThat(started).as(started.message()).isInstanceOf(PromotionOutcome.Started.class);
            String id = ((PromotionOutcome.Started) started).promotion().id();
            assertThat(started.message()).isEqualTo("promotion " + id + " of b-1 to staging started: follow it at /promotions/" + id);
            awaitThat("the deploy's steps", () -> service.progress(id).size() == 2);
            Promotion running = store.promotions().find(id).orElseThrow();
            assertThat(running.status()).isEqualTo(PromotionStatus.RUNNING);
            assertThat(running.message()).isEqualTo("rollout ro-1: waiting at the manual gate of wave rest");
            assertThat(worker.active()).containsExactly(id);
            assertThat(service.promote(RITA, "b-2", "staging").message())
                    .isEqualTo("promotion " + id + " of b-1 to staging is still running");
            assertThat(service.interruptAbandoned()).as("a promotion this process carries out is not abandoned").isEmpty();

            gate.countDown();
            awaitThat("the promotion to end", () -> store.promotions().find(id).orElseThrow().status().isComplete());
            Promotion done = store.promotions().find(id).orElseThrow();
            assertThat(PromotionService.outcome(done)).isInstanceOf(PromotionOutcome.Promoted.class);
            assertThat(done.message()).isEqualTo("staging runs b-1: 4 hosts upgraded");
            assertThat(suites.pointers).containsEntry("staging", "b-1");
            awaitThat("the worker to let go of it", () -> worker.active().isEmpty());
        }
    }

    @Test
    void aDeployThatBreaksEndsThePromotionFailedNotRunning() {
        PromotionService service = service(r -> {
            throw new IllegalStateException("ssh agent went away");
        }, PromotionWorker.inline(store.promotions(), clock));
        service.promote(RITA, "b-1", "staging");

        PromotionOutcome outcome = service.promote(RITA, "b-2", "staging");

        assertThat(outcome).isInstanceOf(PromotionOutcome.Failed.class);
        assertThat(outcome.message()).contains("the deploy broke off: java.lang.IllegalStateException: ssh agent went away",
                "staging stays on b-1");
        assertThat(suites.pointers).containsEntry("staging", "b-1");
    }

    @Test
    void aStoppedWorkerTakesNoPromotionAndSaysSo() {
        PromotionWorker worker = PromotionWorker.background(store.promotions(), clock);
        worker.close();

        PromotionOutcome outcome = service(r -> new StagingDeploy.Outcome.Deployed("-"), worker).promote(RITA, "b-1", "staging");

        assertThat(outcome).isInstanceOf(PromotionOutcome.Failed.class);
        assertThat(outcome.message()).contains("the promotion worker is closed (the server is stopping)");
        assertThat(suites.pointers).doesNotContainKey("staging");
        assertThat(worker.active()).isEmpty();
    }

    @Test
    void aRunningPromotionWhoseProcessStoppedEndsInterruptedWithItsSuiteBackAndOneStillBeatingIsLeftAlone() {
        suites.pointers.put("staging", "b-2");
        suites.pointers.put("qe", "b-2");
        Instant silent = T0.minus(PromotionService.ABANDONED_AFTER).minusSeconds(1);
        store.promotions().save(running("p-dead", "b-2", "staging", "b-1", silent, "rollout ro-9: 120 of 200 hosts done"));
        store.promotions().save(running("p-alive", "b-2", "qe", "b-1", T0.minusSeconds(20), "smoke: 3 of 14"));
        store.promotions().save(running("p-mine", "b-2", "perf", null, silent, "Puppet"));
        PromotionRunner mine = new PromotionRunner() {
            @Override
            public void start(String promotionId, Runnable deploy) {
                deploy.run();
            }

            @Override
            public Set<String> active() {
                return Set.of("p-mine");
            }

            @Override
            public void close() {
            }
        };

        assertThat(service(r -> new StagingDeploy.Outcome.Deployed("-"), mine).interruptAbandoned())
                .extracting(Promotion::id).containsExactly("p-dead");

        Promotion dead = store.promotions().find("p-dead").orElseThrow();
        assertThat(dead.status()).isEqualTo(PromotionStatus.FAILED);
        assertThat(dead.message()).isEqualTo("interrupted: the process carrying it out stopped (no heartbeat since "
                + silent + ", last step: rollout ro-9: 120 of 200 hosts done); nothing resumes a promotion. suite staging"
                + " is back on b-1. Hosts of staging may be part-way: look at `inception rollout list`, then promote again"
                + " or `inception promote --rollback staging`");
        assertThat(suites.pointers).containsEntry("staging", "b-1").containsEntry("qe", "b-2");
        assertThat(store.promotions().find("p-alive").orElseThrow().status()).isEqualTo(PromotionStatus.RUNNING);
        assertThat(store.promotions().find("p-mine").orElseThrow().status()).isEqualTo(PromotionStatus.RUNNING);
        AuditEntry audit = store.audit().list(1).get(0);
        assertThat(audit.actor() + " " + audit.action() + " " + audit.target() + " " + audit.outcome())
                .isEqualTo("inception promote b-2 -> staging FAILED");
    }

    static Promotion running(String id, String build, String env, String previous, Instant at, String message) {
        return new Promotion(id, build, env, PromotionStatus.RUNNING, "rita", "rita", previous, "builds/" + build, null,
                null, message, at, at);
    }

    static void awaitThat(String what, java.util.function.BooleanSupplier condition) {
        try {
            Waited<Boolean> w = WaitStrategy.of(Duration.ofSeconds(30), Duration.ofMillis(20)).poll(what,
                    () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
            assertThat(w).as(w.toString()).isInstanceOf(Waited.Reached.class);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
