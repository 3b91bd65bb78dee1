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
        try (Inception inception = Inception.open(new InceptionHome(home), null, Clock.systemUTC())) {
            result = new Demo(inception, SOURCE_ROOT, Clock.systemUTC(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        }
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
            assertThat(inception.store().builds().facts(result.build().id())).containsKeys("merge", "unit-test", "package");
        }
    }

    @Test
    void theDemoCanRunAgainAndBothRunsAreStored() throws Exception {
        try (Inception inception = Inception.open(new InceptionHome(home), null, Clock.systemUTC())) {
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            Demo.Result first = new Demo(inception, SOURCE_ROOT, Clock.systemUTC(), quiet).run();
            Demo.Result second = new Demo(inception, SOURCE_ROOT, Clock.systemUTC(), quiet).run();
            assertThat(first.ok()).isTrue();
            assertThat(second.ok()).isTrue();
            assertThat(inception.store().runs().list()).extracting(r -> r.id())
                    .contains(first.run().id(), second.run().id());
        }
    }
}
