package io.inception.packaging.deb;

import io.inception.packaging.testing.Processes;
import io.inception.packaging.testing.SampleTree;
import io.inception.packaging.version.DebianVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The packages against Debian's own tools: dpkg-deb reads them, lintian finds no unknown error. */
class DebToolsIT {
    @TempDir
    static Path dir;
    static List<BuiltPackage> built;

    @BeforeAll
    static void build() throws Exception {
        Path tree = SampleTree.write(Files.createDirectories(dir.resolve("tree")), "27.2.0", 4);
        built = new CandidatePackager(DebBuilder.gzip()).packageAll(
                PackageSpecParser.parseDirectory(SampleTree.specsDirectory()),
                new Candidate(tree, DebianVersion.parse("27.2.0+git202611270215.1a2b3c4-1"),
                        Instant.parse("2026-11-27T02:15:00Z"), List.of("Merged trunk 1a2b3c4")),
                dir.resolve("out"));
    }

    @Test
    void dpkgDebAcceptsEveryPackage() throws Exception {
        assertThat(built).hasSize(3);
        for (BuiltPackage p : built) {
            Processes.Result info = Processes.run(dir, "dpkg-deb", "--info", p.file().toString());
            assertThat(info.exitCode()).as("dpkg-deb --info %s: %s", p.name(), info.output()).isZero();
            assertThat(info.output()).contains("Package: " + p.name(), "Version: " + p.version());
            Processes.Result contents = Processes.run(dir, "dpkg-deb", "--contents", p.file().toString());
            assertThat(contents.exitCode()).as("dpkg-deb --contents %s: %s", p.name(), contents.output()).isZero();
            assertThat(contents.output()).contains("root/root", "./usr/share/doc/" + p.name() + "/copyright");
            Processes.Result field = Processes.run(dir, "dpkg-deb", "--field", p.file().toString(), "Package");
            assertThat(field.output().strip()).isEqualTo(p.name());
        }
        String compute = Processes.run(dir, "dpkg-deb", "--contents", built.get(2).file().toString()).output();
        assertThat(compute).contains("-rwxr-xr-x root/root", "./usr/bin/nova-compute",
                "./usr/lib/python3/dist-packages/nova/compute/manager.py", "./etc/nova/nova-compute.conf");
        assertThat(compute.lines().filter(l -> l.endsWith("./etc/nova/nova-compute.conf")).count())
                .as("the conffile is in the data once").isEqualTo(1);
        Path unpacked = dir.resolve("x");
        assertThat(Processes.run(dir, "dpkg-deb", "-x", built.get(2).file().toString(), unpacked.toString()).exitCode()).isZero();
        assertThat(unpacked.resolve("etc/nova/nova-compute.conf")).hasContent(Files.readString(
                SampleTree.specsDirectory().resolve("nova-compute/nova-compute.conf")).stripTrailing());
    }

    @Test
    void lintianReportsNoErrorsButTheKnownOnes() throws Exception {
        List<String> known = Files.readAllLines(Path.of(Objects.requireNonNull(
                        getClass().getResource("/known-lintian-errors.txt")).toURI()), StandardCharsets.UTF_8)
                .stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        List<String> args = new ArrayList<>(List.of("lintian", "--no-cfg", "--allow-root", "--display-level", ">=error"));
        built.forEach(p -> args.add(p.file().toString()));
        Processes.Result r = Processes.run(dir, args.toArray(String[]::new));
        List<String> errors = r.output().lines().filter(l -> l.startsWith("E: ")).toList();
        List<String> unknown = errors.stream()
                .filter(e -> known.stream().noneMatch(k -> e.contains(k))).toList();
        assertThat(unknown).as("lintian errors not listed in known-lintian-errors.txt\n%s", r.output()).isEmpty();
        assertThat(r.output()).doesNotContain("lintian: fatal", "internal error");
    }
}
