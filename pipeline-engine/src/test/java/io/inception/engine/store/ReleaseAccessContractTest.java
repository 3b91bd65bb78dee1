package io.inception.engine.store;

import io.inception.engine.model.BranchHead;
import io.inception.engine.model.Build;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promotions, users, tokens, sessions and the audit log (migration V9), on every database:
 * {@link H2ReleaseAccessTest} and {@link PostgresReleaseAccessIT}.
 */
public abstract class ReleaseAccessContractTest extends StoreFixture {
    protected static final Instant T0 = Instant.parse("2026-11-27T05:00:00.123456Z");

    protected ReleaseAccessContractTest() {
        super(T0);
    }

    @Test
    void promotionsAreKeptPerBuildAndEnvironmentAndReplacedById() {
        Promotion p1 = new Promotion("p-1", "b-1", "staging", PromotionStatus.PENDING, "dev", null, null, null, null,
                null, "", T0, T0);
        store.promotions().save(p1);
        Promotion running = p1.approved("rm", "b-0", "builds/b-1", "abc123", T0.plusSeconds(1));
        store.promotions().save(running);
        Promotion p2 = new Promotion("p-2", "b-2", "staging", PromotionStatus.PENDING, "dev", null, null, null, null,
                null, null, T0.plusSeconds(5), T0.plusSeconds(5));
        store.promotions().save(p2);

        assertThat(store.promotions().find("p-1")).contains(running);
        assertThat(store.promotions().ofBuild("b-1")).containsExactly(running);
        assertThat(store.promotions().toEnvironment("staging")).extracting(Promotion::id).containsExactly("p-2", "p-1");
        assertThat(store.promotions().list(1)).extracting(Promotion::id).containsExactly("p-2");
        assertThat(store.promotions().find("p-2").orElseThrow().message()).isEmpty();
    }

    @Test
    void aHeartbeatMovesOnlyARunningPromotionsUpdatedAt() {
        Promotion running = new Promotion("p-1", "b-1", "staging", PromotionStatus.RUNNING, "rm", "rm", "b-0",
                "builds/b-1", null, null, "rollout ro-1: 3 of 200 hosts", T0, T0);
        store.promotions().save(running);
        store.promotions().save(new Promotion("p-2", "b-2", "qe", PromotionStatus.SUCCEEDED, "rm", "rm", null, null, null,
                null, "done", T0, T0));

        assertThat(store.promotions().touch("p-1", T0.plusSeconds(15))).isTrue();
        assertThat(store.promotions().touch("p-2", T0.plusSeconds(15))).as("a promotion that ended has no heartbeat").isFalse();
        assertThat(store.promotions().touch("p-none", T0.plusSeconds(15))).isFalse();

        assertThat(store.promotions().find("p-1")).contains(running.with(PromotionStatus.RUNNING, running.message(),
                T0.plusSeconds(15)));
        assertThat(store.promotions().find("p-2").orElseThrow().updatedAt()).isEqualTo(T0);
    }

    @Test
    void oneDeployingPromotionPerEnvironmentForEveryProcessOnTheStore() {
        Promotion first = new Promotion("p-1", "b-1", "staging", PromotionStatus.RUNNING, "dev", "rm", "b-0", null, null,
                null, "deploying", T0, T0);
        Promotion second = new Promotion("p-2", "b-2", "staging", PromotionStatus.RUNNING, "dev", "rm", "b-0", null, null,
                null, "deploying", T0, T0);
        Promotion elsewhere = new Promotion("p-3", "b-2", "qe", PromotionStatus.RUNNING, "dev", "rm", "b-0", null, null,
                null, "deploying", T0, T0);

        assertThat(store.promotions().start(first)).isTrue();
        assertThat(store.promotions().start(second)).as("staging is taken by p-1").isFalse();
        assertThat(store.promotions().find("p-2")).as("a refused start saves nothing").isEmpty();
        assertThat(store.promotions().start(elsewhere)).as("another environment").isTrue();
        assertThat(store.promotions().holder("staging")).contains("p-1");

        store.promotions().save(first.with(PromotionStatus.RUNNING, "rollout", T0.plusSeconds(5)));
        assertThat(store.promotions().holder("staging")).as("a step keeps the environment").contains("p-1");
        store.promotions().save(first.with(PromotionStatus.FAILED, "smoke failed", T0.plusSeconds(9)));
        assertThat(store.promotions().holder("staging")).isEmpty();
        assertThat(store.promotions().start(second)).isTrue();
        assertThat(store.promotions().holder("staging")).contains("p-2");
    }

    @Test
    void usersTokensAndSessionsAreFoundOnlyByTheirHashes() {
        assertThat(store.users().add(new UserAccount("rita", "release-manager", "$argon2id$x", T0))).isTrue();
        assertThat(store.users().add(new UserAccount("rita", "admin", "$argon2id$y", T0))).isFalse();
        store.users().add(new UserAccount("dev", "developer", "$argon2id$z", T0));
        store.users().addToken("aa11", "rita", "laptop", T0);
        store.users().addSession(new StoredSession("ss22", "dev", "csrf-1", T0, T0.plus(Duration.ofHours(8))));

        assertThat(store.users().list()).extracting(UserAccount::name).containsExactly("dev", "rita");
        assertThat(store.users().find("rita").orElseThrow().role()).isEqualTo("release-manager");
        assertThat(store.users().byToken("aa11")).map(UserAccount::name).contains("rita");
        assertThat(store.users().byToken("nope")).isEmpty();
        assertThat(store.users().session("ss22")).map(StoredSession::csrfToken).contains("csrf-1");
        store.users().removeSession("ss22");
        assertThat(store.users().session("ss22")).isEmpty();
        assertThat(store.users().find("rita").orElseThrow().toString()).doesNotContain("argon2");
    }

    @Test
    void theAuditLogIsAppendOnlyAndListedNewestFirst() {
        AuditEntry first = store.audit().append(new AuditEntry(0, T0, "dev", "promote", "b-1 -> staging", "DENIED",
                "role developer may not promote", "127.0.0.1"));
        store.audit().append(new AuditEntry(0, T0.plusSeconds(1), "rita", "promote", "b-1 -> staging", "ALLOWED",
                null, "cli"));

        List<AuditEntry> entries = store.audit().list(10);
        assertThat(entries).extracting(AuditEntry::actor).containsExactly("rita", "dev");
        assertThat(entries.get(1)).isEqualTo(first);
        assertThat(entries.get(0).detail()).isEmpty();
    }

    @Test
    void buildsAreListedNewestFirstAndRunsFoundByBuild() {
        store.builds().save(new Build("b-1", new BranchHead("trunk", "u", "master", "a", "MERGED"), List.of(), "c",
                T0));
        store.builds().save(new Build("b-2", null, List.of(), null, T0.plusSeconds(60)));
        assertThat(store.builds().list(10)).extracting(Build::id).containsExactly("b-2", "b-1");
        assertThat(store.runs().ofBuild("b-1")).isEmpty();
    }
}
