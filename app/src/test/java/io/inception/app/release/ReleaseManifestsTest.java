package io.inception.app.release;

import io.inception.engine.store.Promotion;
import io.inception.engine.store.PromotionStatus;
import io.inception.engine.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseManifestsTest {
    static final Instant T0 = Instant.parse("2026-11-27T03:00:00Z");

    @TempDir
    Path home;
    Store store;

    @BeforeEach
    void open() {
        store = Store.openDefault(home);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theManifestGathersShasPackagesCommitsStagesDeploysAndPromotions() {
        ReleaseFixture.qePassedBuild(store, "b-1", T0, true);
        store.promotions().save(new Promotion("p-1", "b-1", "staging", PromotionStatus.SUCCEEDED, "rita", "rita",
                null, "builds/b-1", ReleaseFixture.PUPPET_COMMIT, null, "staging runs b-1", T0.plusSeconds(100),
                T0.plusSeconds(130)));

        ReleaseManifest m = new ReleaseManifests(store).of("b-1").orElseThrow();

        assertThat(m.trunk().sha()).isEqualTo("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678");
        assertThat(m.branches()).extracting(b -> b.name() + "@" + b.sha().substring(0, 6) + ":" + b.status())
                .containsExactly("perf-fixes@b1b2c3:MERGED", "xen-quirks@c1b2c3:CONFLICT");
        assertThat(m.packages().snapshot()).isEqualTo("builds/b-1");
        assertThat(m.packages().packages()).extracting(ReleaseManifest.PackageEntry::name, p -> p.sha256().substring(0, 8))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nova-compute", "e3b0c442"),
                        org.assertj.core.groups.Tuple.tuple("nova-common", "5e884898"));
        assertThat(m.puppetCommit()).isEqualTo(ReleaseFixture.PUPPET_COMMIT);
        assertThat(m.pipelineCommits()).containsExactly(ReleaseFixture.PIPELINE_COMMIT);
        assertThat(m.runs()).singleElement().satisfies(r -> assertThat(r.stages())
                .extracting(ReleaseManifest.StageResult::name).containsExactly("merge", "unit-test", "package", "rollout", "smoke"));
        assertThat(m.deploys()).singleElement().satisfies(d -> {
            assertThat(d.environment()).isEqualTo("qe");
            assertThat(d.hostsDone()).isEqualTo(4);
            assertThat(d.by()).isEqualTo("run r-b-1");
        });
        assertThat(m.promotions()).extracting(Promotion::approvedBy).containsExactly("rita");
        assertThat(m.stream()).extracting(s -> s.station() + ":" + s.state())
                .containsExactly("merge:done", "unit-test:done", "package:done", "qe:done", "smoke:done", "staging:done");
    }

    @Test
    void aBuildThatFailedSmokeShowsWhereItStopped() {
        ReleaseFixture.qePassedBuild(store, "b-2", T0, false);
        ReleaseManifest m = new ReleaseManifests(store).of("b-2").orElseThrow();
        assertThat(m.stream()).extracting(s -> s.station() + ":" + s.state())
                .containsExactly("merge:done", "unit-test:done", "package:done", "qe:done", "smoke:failed", "staging:waiting");
        assertThat(new ReleaseManifests(store).of("nope")).isEmpty();
    }

    @Test
    void theJsonNamesEveryPartOfTheManifest() {
        ReleaseFixture.qePassedBuild(store, "b-3", T0, true);
        String json = ReleaseText.json(new ReleaseManifests(store).of("b-3").orElseThrow());
        assertThat(json).contains("\"buildId\" : \"b-3\"", "\"puppetCommit\" : \"" + ReleaseFixture.PUPPET_COMMIT,
                "\"snapshot\" : \"builds/b-3\"", "\"sha256\" : \"e3b0c442", "\"createdAt\" : \"2026-11-27T03:00:00Z\"");
        assertThat(new ReleaseManifests(store).list(10)).extracting(BuildSummary::buildId).containsExactly("b-3");
    }
}
