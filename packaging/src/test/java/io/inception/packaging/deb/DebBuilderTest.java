package io.inception.packaging.deb;

import io.inception.packaging.testing.SampleTree;
import io.inception.packaging.version.DebianVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DebBuilderTest {
    private static final DebianVersion VERSION = DebianVersion.parse("27.2.0+git202611270215.1a2b3c4-1");
    private static final Instant WHEN = Instant.parse("2026-11-27T02:15:00Z");

    @TempDir
    Path dir;

    private List<BuiltPackage> buildAll(Path out) throws Exception {
        Path tree = SampleTree.write(Files.createDirectories(dir.resolve("tree")), "27.2.0", 4);
        List<PackageSpec> specs = PackageSpecParser.parseDirectory(SampleTree.specsDirectory());
        return new CandidatePackager(DebBuilder.gzip())
                .packageAll(specs, new Candidate(tree, VERSION, WHEN, List.of("Merged trunk 1a2b3c4")), out);
    }

    @Test
    void buildsTheNovaPackagesWithNameVersionSizeAndChecksum() throws Exception {
        List<BuiltPackage> built = buildAll(dir.resolve("out"));
        assertThat(built).extracting(BuiltPackage::name).containsExactly("nova-api", "nova-common", "nova-compute");
        BuiltPackage compute = built.get(2);
        assertThat(compute.file().getFileName()).hasToString("nova-compute_27.2.0+git202611270215.1a2b3c4-1_all.deb");
        assertThat(compute.version()).isEqualTo(VERSION.toString());
        assertThat(compute.size()).isEqualTo(Files.size(compute.file()));
        assertThat(compute.sha256()).isEqualTo(Digests.sha256(compute.file())).hasSize(64);

        String control = DebArchive.control(compute.file());
        assertThat(control).contains("Package: nova-compute\n", "Version: " + VERSION + "\n",
                "Depends: python3, nova-common (= " + VERSION + ")\n", "Architecture: all\n", "Installed-Size: ");
        var controlFiles = DebArchive.controlFiles(compute.file());
        assertThat(controlFiles).containsKeys("postinst", "prerm", "postrm", "md5sums", "conffiles");
        assertThat(new String(controlFiles.get("conffiles"), StandardCharsets.UTF_8).strip())
                .isEqualTo("/etc/nova/nova-compute.conf");
    }

    @Test
    void dataIsRootOwnedWithModesAndParentsAndNoTestLeftovers() throws Exception {
        List<BuiltPackage> built = buildAll(dir.resolve("out"));
        List<DebArchive.Entry> compute = DebArchive.dataEntries(built.get(2).file());
        assertThat(compute).allSatisfy(e -> {
            assertThat(e.owner()).isEqualTo("root");
            assertThat(e.group()).isEqualTo("root");
        });
        assertThat(compute).filteredOn(e -> e.name().endsWith("usr/bin/nova-compute"))
                .singleElement().extracting(DebArchive.Entry::mode).isEqualTo(0755);
        assertThat(compute).filteredOn(e -> e.name().endsWith("nova/compute/manager.py"))
                .singleElement().extracting(DebArchive.Entry::mode).isEqualTo(0644);
        assertThat(compute).filteredOn(DebArchive.Entry::folder).extracting(e -> e.name().replaceAll("/$", ""))
                .contains("./usr", "./usr/lib/python3/dist-packages/nova", "./etc/nova", "./usr/share/doc/nova-compute");
        assertThat(compute).extracting(DebArchive.Entry::name).contains("./etc/nova/nova-compute.conf",
                "./usr/share/doc/nova-compute/copyright", "./usr/share/doc/nova-compute/changelog.Debian.gz");

        List<String> common = DebArchive.dataEntries(built.get(1).file()).stream()
                .map(DebArchive.Entry::name).toList();
        assertThat(common).contains("./usr/lib/python3/dist-packages/nova/version.py",
                "./usr/lib/python3/dist-packages/nova/virt/xenapi/vm_operations.py");
        assertThat(common).noneMatch(n -> n.contains("/compute/") || n.contains("__pycache__") || n.contains("tests/"));
    }

    @Test
    void theSameCandidateGivesTheSameBytes() throws Exception {
        List<BuiltPackage> first = buildAll(dir.resolve("one"));
        List<BuiltPackage> second = buildAll(dir.resolve("two"));
        assertThat(second).extracting(BuiltPackage::sha256).isEqualTo(first.stream().map(BuiltPackage::sha256).toList());
    }

    @Test
    void aMissingTreeFileBuildsNothingAndNamesTheSpecLine() throws Exception {
        Path tree = SampleTree.write(Files.createDirectories(dir.resolve("tree")), "27.2.0", 4);
        deleteTree(tree.resolve("nova/compute"));
        List<PackageSpec> specs = PackageSpecParser.parseDirectory(SampleTree.specsDirectory());
        Path out = dir.resolve("out");
        SpecException e = catchThrowableOfType(SpecException.class, () -> new CandidatePackager(DebBuilder.gzip())
                .packageAll(specs, new Candidate(tree, VERSION, WHEN, List.of()), out));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.at().file().getFileName()).hasToString("nova-compute.yaml");
            assertThat(p.at().field()).isEqualTo("files[0].tree");
            assertThat(p.at().line()).isEqualTo(Files.readAllLines(p.at().file()).indexOf("  - tree: nova/compute") + 1);
            assertThat(p.message()).startsWith("'nova/compute' does not exist in the candidate tree");
        });
        assertThat(out).doesNotExist();
    }

    private static void deleteTree(Path p) throws Exception {
        DebBuilder.deleteRecursively(p);
    }
}
