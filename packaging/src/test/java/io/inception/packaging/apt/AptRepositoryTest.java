package io.inception.packaging.apt;

import io.inception.packaging.deb.BuiltPackage;
import io.inception.packaging.deb.Digests;
import io.inception.packaging.testing.TestRepos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AptRepositoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    AptRepository repo;

    @BeforeEach
    void open() throws Exception {
        repo = AptRepository.open(dir.resolve("repo"), TestRepos.signer(CLOCK), CLOCK);
    }

    @Test
    void publishWritesPoolIndexesAndSignedReleaseWithMatchingChecksums() throws Exception {
        BuiltPackage deb = TestRepos.deb(dir, "nova-compute", "27.2.0+git202611270215.1a2b3c4-1");
        AptSnapshot s = repo.publish("b-1", List.of(deb.file()));

        assertThat(s.buildId()).isEqualTo("b-1");
        assertThat(s.sequence()).isEqualTo(1);
        assertThat(s.publishedAt()).isEqualTo(CLOCK.instant());
        assertThat(s.packages()).singleElement().satisfies(p -> {
            assertThat(p.filename()).isEqualTo("pool/main/n/nova-compute/" + deb.file().getFileName());
            assertThat(p.sha256()).isEqualTo(deb.sha256());
            assertThat(p.size()).isEqualTo(deb.size());
        });
        Path pooled = repo.root().resolve(s.packages().get(0).filename());
        assertThat(Digests.sha256(pooled)).isEqualTo(deb.sha256());

        Path dist = repo.root().resolve("dists/builds/b-1");
        String packages = Files.readString(dist.resolve("main/binary-amd64/Packages"));
        assertThat(packages).startsWith("Package: nova-compute\n").contains(
                "Version: 27.2.0+git202611270215.1a2b3c4-1\n", "Filename: " + s.packages().get(0).filename() + "\n",
                "Size: " + deb.size() + "\n", "SHA256: " + deb.sha256() + "\n", "MD5sum: ");
        String release = Files.readString(dist.resolve("Release"));
        assertThat(release).contains("Suite: builds/b-1\n", "Codename: b-1\n", "Date: Fri, 27 Nov 2026 03:00:00 UTC\n",
                "Architectures: amd64\n", "Components: main\n", "Acquire-By-Hash: yes\n", "MD5Sum:\n", "SHA256:\n");
        for (String f : List.of("main/binary-amd64/Packages", "main/binary-amd64/Packages.gz")) {
            String sha = Digests.sha256(dist.resolve(f));
            assertThat(release).containsPattern(" " + sha + " +" + Files.size(dist.resolve(f)) + " " + f + "\n");
            assertThat(dist.resolve("main/binary-amd64/by-hash/SHA256/" + sha)).hasSameBinaryContentAs(dist.resolve(f));
        }
        assertThat(Files.readString(dist.resolve("InRelease"))).startsWith("-----BEGIN PGP SIGNED MESSAGE-----")
                .contains(release.strip());
        assertThat(Files.readString(dist.resolve("Release.gpg"))).startsWith("-----BEGIN PGP SIGNATURE-----");
        assertThat(repo.root().resolve(AptRepository.PUBLIC_KEY_FILE)).hasContent(TestRepos.key().exportArmored().strip());
    }

    @Test
    void snapshotsAreImmutableAndRepublishingTheSameIsANoOp() throws Exception {
        BuiltPackage v1 = TestRepos.deb(dir, "nova-compute", "1.0-1");
        repo.publish("b-1", List.of(v1.file()));
        assertThat(repo.publish("b-1", List.of(v1.file())).sequence()).isEqualTo(1);

        BuiltPackage v2 = TestRepos.deb(dir, "nova-compute", "2.0-1");
        assertThatThrownBy(() -> repo.publish("b-1", List.of(v2.file())))
                .isInstanceOf(PublishException.class).hasMessageContaining("snapshots are immutable");
        assertThat(repo.snapshot("b-1").orElseThrow().packages()).extracting(PoolPackage::version).containsExactly("1.0-1");
    }

    @Test
    void aVersionBuiltTwiceWithOtherBytesIsRefused() throws Exception {
        BuiltPackage v1 = TestRepos.deb(dir.resolve("x"), "nova-compute", "1.0-1");
        repo.publish("b-1", List.of(v1.file()));
        BuiltPackage other = TestRepos.deb(dir.resolve("z"), "nova-compute", "1.0-1", "other content\n");
        assertThat(other.sha256()).isNotEqualTo(v1.sha256());
        assertThatThrownBy(() -> repo.publish("b-2", List.of(other.file())))
                .isInstanceOf(PublishException.class).hasMessageContaining("was built twice");
        assertThat(repo.snapshot("b-2")).isEmpty();
    }

    @Test
    void pointingASuiteReSignsTheSnapshotsIndexesUnderTheSuitesName() throws Exception {
        repo.publish("b-1", List.of(TestRepos.deb(dir, "nova-compute", "1.0-1").file()));
        repo.publish("b-2", List.of(TestRepos.deb(dir, "nova-compute", "2.0-1").file()));

        SuitePointer first = repo.point("qe", "b-1");
        assertThat(first).isEqualTo(new SuitePointer("qe", "b-1", null, 1));
        Path qe = repo.root().resolve("dists/qe");
        assertThat(Files.isSymbolicLink(qe)).isTrue();
        assertThat(Files.readString(qe.resolve("Release"))).contains("Suite: qe\n", "Codename: qe\n");
        assertThat(qe.resolve("main/binary-amd64/Packages"))
                .hasSameTextualContentAs(repo.root().resolve("dists/builds/b-1/main/binary-amd64/Packages"));
        String oldPackagesSha = Digests.sha256(qe.resolve("main/binary-amd64/Packages"));

        SuitePointer second = repo.point("qe", "b-2");
        assertThat(second).isEqualTo(new SuitePointer("qe", "b-2", "b-1", 2));
        assertThat(Files.readString(qe.resolve("main/binary-amd64/Packages"))).contains("Version: 2.0-1");
        assertThat(qe.resolve("main/binary-amd64/by-hash/SHA256/" + oldPackagesSha))
                .as("the previous index stays reachable by hash").exists();
        assertThat(repo.pointers()).containsOnlyKeys("qe");
        assertThat(repo.snapshots()).extracting(AptSnapshot::buildId, AptSnapshot::pointedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b-2", List.of("qe")),
                        org.assertj.core.groups.Tuple.tuple("b-1", List.of()));
        repo.point("qe", "b-1");
        repo.point("qe", "b-2");
        assertThat(Files.list(repo.root().resolve("suites/qe")).count()).as("current and previous generation").isEqualTo(2);
    }

    @Test
    void badInputChangesNothing() throws Exception {
        repo.publish("b-1", List.of(TestRepos.deb(dir, "nova-compute", "1.0-1").file()));
        repo.point("qe", "b-1");
        Path notADeb = Files.writeString(dir.resolve("x.deb"), "not a deb");
        assertThatThrownBy(() -> repo.publish("b-2", List.of(notADeb))).isInstanceOf(PublishException.class)
                .hasMessageContaining("is not a readable .deb");
        assertThatThrownBy(() -> repo.publish("b 2", List.of(notADeb))).hasMessageContaining("invalid build id 'b 2'");
        assertThatThrownBy(() -> repo.publish("b-2", List.of())).hasMessageContaining("nothing to publish");
        assertThatThrownBy(() -> repo.point("qe", "b-9")).hasMessageContaining("there is no snapshot builds/b-9");
        assertThatThrownBy(() -> repo.point("Q E", "b-1")).hasMessageContaining("invalid suite 'Q E'");
        assertThatThrownBy(() -> repo.point("builds", "b-1")).hasMessageContaining("invalid suite 'builds'");
        assertThat(repo.snapshots()).extracting(AptSnapshot::buildId).containsExactly("b-1");
        assertThat(repo.pointers().get("qe").buildId()).isEqualTo("b-1");
    }

    @Test
    void aPublishThatFailsMidwayLeavesEverySuiteIntact() throws Exception {
        repo.publish("b-1", List.of(TestRepos.deb(dir, "nova-compute", "1.0-1").file()));
        repo.point("qe", "b-1");
        repo.point("staging", "b-1");
        String qeRelease = Files.readString(repo.root().resolve("dists/qe/InRelease"));
        BuiltPackage v2 = TestRepos.deb(dir, "nova-compute", "2.0-1");
        // the staging folder cannot be made: the write fails after the pool copy, before the snapshot exists
        RepoLayout.deleteRecursively(repo.root().resolve(".tmp"));
        Files.writeString(repo.root().resolve(".tmp"), "in the way");
        assertThatThrownBy(() -> repo.publish("b-2", List.of(v2.file()))).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> repo.point("qe", "b-2")).isInstanceOf(PublishException.class);
        Files.delete(repo.root().resolve(".tmp"));

        assertThat(repo.snapshot("b-2")).isEmpty();
        assertThat(repo.pointers().values()).extracting(SuitePointer::buildId).containsOnly("b-1");
        assertThat(repo.root().resolve("dists/qe/InRelease")).hasContent(qeRelease.strip());
        assertThat(repo.publish("b-2", List.of(v2.file())).buildId()).as("works once the cause is gone").isEqualTo("b-2");
    }

    @Test
    void retentionRemovesOldUnpointedSnapshotsAndTheirPoolFilesButNeverOneInUse() throws Exception {
        for (int i = 1; i <= 5; i++) {
            repo.publish("b-" + i, List.of(TestRepos.deb(dir, "nova-compute", i + ".0-1").file(),
                    TestRepos.deb(dir, "nova-common", "1.0-1").file()));
        }
        repo.point("qe", "b-3");
        repo.point("staging", "b-1");
        Path abandoned = Files.createDirectories(repo.root().resolve(".tmp/snapshot-b-9-killed/main"));
        RetentionReport report = repo.retain(2);
        assertThat(abandoned.getParent()).as("staging of a killed publish").doesNotExist();
        assertThat(report.removedSnapshots()).containsExactly("b-2");
        assertThat(report.keptSnapshots()).containsExactly("b-5", "b-4", "b-3", "b-1");
        assertThat(report.removedPoolFiles()).containsExactly("pool/main/n/nova-compute/nova-compute_2.0-1_all.deb");
        assertThat(repo.root().resolve("pool/main/n/nova-common/nova-common_1.0-1_all.deb")).exists();
        assertThat(repo.snapshots()).extracting(AptSnapshot::buildId).containsExactly("b-5", "b-4", "b-3", "b-1");

        repo.point("qe", "b-5");
        repo.point("qe", "b-4"); // b-3 is now unpointed and old; qe's previous generation is b-5's
        RetentionReport second = repo.retain(2);
        assertThat(second.removedSnapshots()).containsExactly("b-3");
        assertThat(second.removedPoolFiles()).containsExactly("pool/main/n/nova-compute/nova-compute_3.0-1_all.deb");
        assertThat(repo.root().resolve("pool/main/n/nova-compute/nova-compute_1.0-1_all.deb")).exists();
        assertThatThrownBy(() -> repo.retain(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sourcesLine() {
        assertThat(AptRepository.sourcesLine("http://127.0.0.1:8080/apt/", "qe", "/etc/apt/keyrings/inception.asc"))
                .isEqualTo("deb [signed-by=/etc/apt/keyrings/inception.asc] http://127.0.0.1:8080/apt/ qe main");
    }

    static String sha256Listed(String release, String file) {
        Matcher m = Pattern.compile("SHA256:\\n(?:.*\\n)*? ([0-9a-f]{64}) +\\d+ " + Pattern.quote(file) + "\\n").matcher(release);
        return m.find() ? m.group(1) : null;
    }
}
