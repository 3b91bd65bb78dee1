package io.inception.app.demo;

import io.inception.app.Inception;
import io.inception.app.InceptionHome;
import io.inception.engine.merge.BranchReport;
import io.inception.engine.merge.MergeStatus;
import io.inception.engine.model.BranchHead;
import io.inception.engine.model.ExecutionStatus;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's run command, end to end on real git repositories, a real store and real processes. */
class DemoTest {
    private static final Path SOURCE_ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path home;

    @Test
    void theDemoMergesSkipsTheConflictNamesTheCulpritAndTestsTheCandidate() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Demo.Result result;
        result = demo(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .withWeb(new Demo.Web(new java.net.InetSocketAddress("127.0.0.1", 0), false)).run();
        String out = printed.toString(StandardCharsets.UTF_8);

        assertThat(result.ok()).as(out).isTrue();
        assertThat(result.run().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.run().pipelineCommit()).hasSize(40);

        // the merge: in order, the conflicting branch skipped with its file and the trunk commit that caused it
        assertThat(result.merge().branches()).extracting(BranchReport::name, BranchReport::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("xenapi-vm-plugin", MergeStatus.MERGED),
                org.assertj.core.groups.Tuple.tuple("cells-scheduler-fix", MergeStatus.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("billing-notifications", MergeStatus.MERGED));
        BranchReport skipped = result.merge().branches().get(1);
        assertThat(skipped.files()).containsExactly("nova/compute/manager.py");
        assertThat(skipped.culprits()).singleElement().satisfies(c -> {
            assertThat(c.sha()).isEqualTo(result.expectedCulprit());
            assertThat(c.subject()).isEqualTo(SampleRepos.CULPRIT_SUBJECT);
        });
        assertThat(out).contains("conflict: nova/compute/manager.py", "Rework compute retry policy",
                "ok: conflict attributed to trunk commit " + result.expectedCulprit().substring(0, 7));

        // the build record names trunk and every branch SHA
        assertThat(result.build().branches()).extracting(BranchHead::status).containsExactly("MERGED", "SKIPPED", "MERGED");
        assertThat(result.build().candidateSha()).isEqualTo(result.merge().candidateSha());

        // the candidate itself: the plugin edit followed trunk's rename, trunk's retry value kept, billing added
        Path checkout = home.resolve("candidate-checkout");
        try (Git git = Git.cloneRepository().setURI(result.build().candidateRepo()).setDirectory(checkout.toFile())
                .setBranch("refs/heads/builds/" + result.build().id()).call()) {
            assertThat(git.getRepository().resolve("HEAD").name()).isEqualTo(result.build().candidateSha());
        }
        assertThat(checkout.resolve("nova/virt/xenapi/vmops.py")).doesNotExist();
        assertThat(Files.readString(checkout.resolve("nova/virt/xenapi/vm_operations.py"))).contains("_install_vm_plugin");
        assertThat(Files.readString(checkout.resolve("nova/compute/manager.py"))).contains("max_build_retries = 4");
        assertThat(checkout.resolve("nova/notifications/billing.py")).exists();

        // the candidate's own tests ran in a fresh checkout and their JUnit XML was read
        assertThat(result.unitTests().counts().tests()).isEqualTo(4);
        assertThat(result.unitTests().counts().failed()).isZero();
        assertThat(result.unitTests().exitCode()).isZero();

        // the candidate's packages: published as the build's snapshot, qe pointed at it, stored with the build
        assertThat(result.packages().packages()).extracting(p -> p.name())
                .containsExactlyInAnyOrder("nova-common", "nova-compute", "nova-api");
        assertThat(result.packages().distribution()).isEqualTo("builds/" + result.build().id());
        assertThat(result.packages().suite()).isEqualTo("qe");
        assertThat(result.packages().version()).startsWith("27.2.0+git").endsWith("." + result.build().candidateSha()
                .substring(0, 7) + "-1");
        assertThat(Files.readString(home.resolve("apt/dists/qe/Release"))).contains("Codename: qe");
        assertThat(result.aptLine()).startsWith("deb [signed-by=/etc/apt/keyrings/inception.asc] file:").endsWith(" qe main");
        try (Inception inception = Inception.open(new InceptionHome(home), null, Clock.systemUTC())) {
            assertThat(inception.store().builds().facts(result.build().id())).containsKeys("merge", "unit-test", "package",
                    "provision", "puppet", "rollout", "smoke", "smoke:local");
        }

        // QE deploy: the control plane of two cells on the sandbox iNova, through its API
        assertThat(result.controlPlane().servers()).extracting(s -> s.cell()).contains("api", "c1", "c2");
        assertThat(result.controlPlane().servers()).extracting(s -> s.name())
                .contains("local-api-nova-api-1", "local-api-nova-api-2", "local-c1-scheduler-1", "local-c2-cell-db-1");
        assertThat(result.controlPlane().servers()).allSatisfy(s -> assertThat(s.status()).isEqualTo("ACTIVE"));
        // Puppet on every control VM, over SSH, at the configuration repository's commit
        assertThat(result.puppet().hosts()).hasSize(result.controlPlane().servers().size())
                .allSatisfy(h -> assertThat(h.ok()).as(h.message()).isTrue());
        assertThat(result.puppet().manifests().commit()).isEqualTo(result.run().pipelineCommit());
        // the rollout: 199 hosts upgraded, the broken host rolled back within the failure budget
        assertThat(result.rollout().hosts()).isEqualTo(DemoSandbox.HOSTS);
        assertThat(result.rollout().count(io.inception.engine.rollout.HostPhase.DONE)).isEqualTo(DemoSandbox.HOSTS - 1);
        assertThat(result.rollout().count(io.inception.engine.rollout.HostPhase.ROLLED_BACK)).isEqualTo(1);
        assertThat(result.rollout().failed()).singleElement().asString().startsWith(DemoSandbox.BROKEN_HOST + " ");
        // the smoke suite passed against the deployed environment, with an Allure report
        assertThat(result.smoke().passed()).as(result.smoke().line()).isTrue();
        assertThat(result.smoke().expectedVersion()).isEqualTo(result.packages().version());
        assertThat(result.allureReport()).exists();
        assertThat(out).contains("Allure report: ", "rolled back");

        // promotion: the developer refused and audited, the release manager promoted the build to staging
        assertThat(result.promotion().ok()).as(out).isTrue();
        assertThat(result.promotion().outcome()).isInstanceOf(io.inception.app.promotion.PromotionOutcome.Promoted.class);
        assertThat(result.webUrl()).startsWith("http://127.0.0.1:");
        assertThat(out).contains("web UI at " + result.webUrl(), "promotion to staging: ");
        try (Inception inception = Inception.open(new InceptionHome(home), null, Clock.systemUTC())) {
            var manifest = new io.inception.app.release.ReleaseManifests(inception.store()).of(result.build().id()).orElseThrow();
            assertThat(manifest.puppetCommit()).isEqualTo(result.run().pipelineCommit());
            assertThat(manifest.promotions()).extracting(p -> p.environment()).contains("staging");
        }

        // the developer's lab: three nested hosts in a pool, with a lease, reaped once the lease is over
        assertThat(result.lab().lab().owner()).isEqualTo("demo-dev");
        assertThat(result.lab().lab().hosts()).isEqualTo(3);
        assertThat(result.lab().lab().masterAddress()).startsWith("127.");
        assertThat(result.lab().reaped().expiredLabs()).containsExactly(result.lab().lab().id());
        assertThat(out).contains("3 nested XenServer hosts joined into a pool", "the reaper removed");
    }

    @Test
    void theDemoCanRunAgainAndBothRunsAreStored() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Demo.Result first = demo(quiet).run();
        Demo.Result second = demo(quiet).run();
        assertThat(first.ok()).isTrue();
        assertThat(second.ok()).isTrue();
        try (Inception inception = Inception.open(new InceptionHome(home), null, Clock.systemUTC())) {
            assertThat(inception.store().runs().list()).extracting(r -> r.id())
                    .contains(first.run().id(), second.run().id());
        }
    }

    private Demo demo(PrintStream out) {
        return new Demo(d -> Inception.open(new InceptionHome(home), null, Clock.systemUTC(), d), home, SOURCE_ROOT,
                Clock.systemUTC(), out);
    }
}
