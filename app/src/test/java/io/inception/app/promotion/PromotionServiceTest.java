package io.inception.app.promotion;

import io.inception.app.access.Actor;
import io.inception.app.access.AuditTrail;
import io.inception.app.access.Role;
import io.inception.app.release.ReleaseFixture;
import io.inception.engine.store.AuditEntry;
import io.inception.engine.store.Promotion;
import io.inception.engine.store.PromotionStatus;
import io.inception.engine.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PromotionServiceTest {
    static final Instant T0 = Instant.parse("2026-11-27T04:00:00Z");
    static final Actor RITA = new Actor("rita", Role.RELEASE_MANAGER, "127.0.0.1");
    static final Actor DEV = new Actor("dave", Role.DEVELOPER, "127.0.0.2");

    @TempDir
    Path home;
    Store store;
    final FakeSuites suites = new FakeSuites();
    final FakeDeploy deploy = new FakeDeploy();
    PromotionService service;

    @BeforeEach
    void open() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        store = Store.openDefault(home);
        service = new PromotionService(store, new SmokePassedGate(store.builds(), name -> Optional.empty()), suites, deploy,
                new AuditTrail(store.audit(), clock), clock, new PromotionIds(store.promotions(), clock));
        ReleaseFixture.qePassedBuild(store, "b-1", T0.minusSeconds(7200), true);
        ReleaseFixture.qePassedBuild(store, "b-2", T0.minusSeconds(3600), true);
        ReleaseFixture.qePassedBuild(store, "b-3", T0.minusSeconds(1800), false);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aReleaseManagerPromotesAQePassedBuildWithItsSnapshotAndPuppetCommit() {
        PromotionOutcome outcome = service.promote(RITA, "b-1", "staging");

        assertThat(outcome).isInstanceOf(PromotionOutcome.Promoted.class);
        assertThat(suites.pointers).containsEntry("staging", "b-1");
        assertThat(deploy.calls).containsExactly(new StagingDeploy.Request("staging", "b-1", "builds/b-1",
                ReleaseFixture.PUPPET_COMMIT, "p-20261127-0001", null));
        Promotion p = store.promotions().find("p-20261127-0001").orElseThrow();
        assertThat(p.status()).isEqualTo(PromotionStatus.SUCCEEDED);
        assertThat(p.approvedBy()).isEqualTo("rita");
        assertThat(p.puppetCommit()).isEqualTo(ReleaseFixture.PUPPET_COMMIT);
        assertThat(store.audit().list(5)).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("rita", "promote", "ALLOWED"));
    }

    @Test
    void aDeveloperIsDeniedAndTheAttemptIsAudited() {
        PromotionOutcome outcome = service.promote(DEV, "b-1", "staging");

        assertThat(outcome).isInstanceOf(PromotionOutcome.Denied.class);
        assertThat(outcome.message()).contains("role developer may not promote");
        assertThat(deploy.calls).isEmpty();
        assertThat(suites.pointers).doesNotContainKey("staging");
        AuditEntry e = store.audit().list(1).get(0);
        assertThat(List.of(e.actor(), e.action(), e.target(), e.outcome(), e.source()))
                .containsExactly("dave", "promote", "b-1 -> staging", "DENIED", "127.0.0.2");
    }

    @Test
    void aBuildThatDidNotPassQeIsRefusedWithTheReason() {
        PromotionOutcome outcome = service.promote(RITA, "b-3", "staging");

        assertThat(outcome).isInstanceOf(PromotionOutcome.Refused.class);
        assertThat(outcome.message()).isEqualTo("cannot promote b-3 to staging: build b-3 failed the smoke suite on qe:"
                + " failed: 14 tests: 12 passed, 2 failed, 0 skipped — Smoke#test0: boom 0; Smoke#test1: boom 1");
        assertThat(service.promote(RITA, "b-9", "staging").message()).contains("there is no build b-9");
        assertThat(deploy.calls).isEmpty();
    }

    @Test
    void aFailedDeployLeavesStagingOnThePreviousBuildAndSaysWhy() {
        service.promote(RITA, "b-1", "staging");
        deploy.failWith = "smoke on staging: 3 of 14 tests failed";

        PromotionOutcome outcome = service.promote(RITA, "b-2", "staging");

        assertThat(outcome).isInstanceOf(PromotionOutcome.Failed.class);
        assertThat(outcome.message()).endsWith("deploy failed: smoke on staging: 3 of 14 tests failed; staging stays on b-1");
        assertThat(suites.pointers).containsEntry("staging", "b-1");
        assertThat(suites.history).containsExactly("staging=b-1", "staging=b-2", "staging=b-1");
        assertThat(EnvironmentHistory.current(store.promotions(), "staging")).map(Promotion::buildId).contains("b-1");
        assertThat(store.audit().list(1).get(0).outcome()).isEqualTo("FAILED");
    }

    @Test
    void rollbackRePromotesThePreviousGoodBuild() {
        service.promote(RITA, "b-1", "staging");
        service.promote(RITA, "b-2", "staging");
        deploy.calls.clear();

        PromotionOutcome outcome = service.rollback(RITA, "staging");

        assertThat(outcome).isInstanceOf(PromotionOutcome.Promoted.class);
        Promotion p = ((PromotionOutcome.Promoted) outcome).promotion();
        assertThat(p.buildId()).isEqualTo("b-1");
        assertThat(p.rollbackOf()).isEqualTo("p-20261127-0002");
        assertThat(p.previousBuild()).isEqualTo("b-2");
        assertThat(suites.pointers).containsEntry("staging", "b-1");
        assertThat(deploy.calls).extracting(StagingDeploy.Request::buildId).containsExactly("b-1");
        assertThat(service.rollback(DEV, "staging")).isInstanceOf(PromotionOutcome.Denied.class);
        assertThat(service.rollback(RITA, "production").message()).isEqualTo("production has no promoted build to roll back");
    }

    @Test
    void aDeveloperRequestsAndOnlyAReleaseManagerApproves() {
        PromotionOutcome requested = service.request(DEV, "b-2", "staging");
        assertThat(requested).isInstanceOf(PromotionOutcome.Requested.class);
        String id = ((PromotionOutcome.Requested) requested).promotion().id();

        assertThat(service.approve(DEV, id)).isInstanceOf(PromotionOutcome.Denied.class);
        assertThat(store.promotions().find(id).orElseThrow().status()).isEqualTo(PromotionStatus.PENDING);

        PromotionOutcome approved = service.approve(RITA, id);
        assertThat(approved).isInstanceOf(PromotionOutcome.Promoted.class);
        Promotion p = store.promotions().find(id).orElseThrow();
        assertThat(List.of(p.requestedBy(), p.approvedBy(), p.status().name())).containsExactly("dave", "rita", "SUCCEEDED");
        assertThat(service.approve(RITA, id).message()).isEqualTo("promotion " + id + " is SUCCEEDED, not pending");
    }

    /** Suites in memory, with every repointing in order. */
    static final class FakeSuites implements SuitePointers {
        final Map<String, String> pointers = new HashMap<>();
        final List<String> history = new ArrayList<>();

        @Override
        public Optional<String> current(String suite) {
            return Optional.ofNullable(pointers.get(suite));
        }

        @Override
        public String point(String suite, String buildId) {
            pointers.put(suite, buildId);
            history.add(suite + "=" + buildId);
            return "builds/" + buildId;
        }
    }

    /** Records deploy requests; fails them with {@link #failWith} when set. */
    static final class FakeDeploy implements StagingDeploy {
        final List<Request> calls = new ArrayList<>();
        String failWith;

        @Override
        public Outcome deploy(Request request) {
            calls.add(request);
            return failWith == null ? new Outcome.Deployed("12 hosts upgraded, smoke 14/14")
                    : new Outcome.Failed(failWith);
        }
    }
}
