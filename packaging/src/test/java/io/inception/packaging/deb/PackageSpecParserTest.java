package io.inception.packaging.deb;

import io.inception.packaging.testing.SampleTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PackageSpecParserTest {
    @TempDir
    Path dir;

    @Test
    void readsTheProjectsNovaSpecs() throws Exception {
        List<PackageSpec> specs = PackageSpecParser.parseDirectory(SampleTree.specsDirectory());
        assertThat(specs).extracting(PackageSpec::name).containsExactly("nova-api", "nova-common", "nova-compute");
        PackageSpec compute = specs.get(2);
        assertThat(compute.depends()).containsExactly("python3", "nova-common (= ${version})");
        assertThat(compute.summary()).isEqualTo("OpenStack Compute - compute node service");
        assertThat(compute.conffiles()).extracting(FileMapping::target).containsExactly("/etc/nova/nova-compute.conf");
        assertThat(compute.scripts()).containsOnlyKeys(MaintainerScript.POSTINST, MaintainerScript.PRERM,
                MaintainerScript.POSTRM);
        assertThat(compute.files()).extracting(FileMapping::origin)
                .containsExactly(FileMapping.Origin.TREE, FileMapping.Origin.SPEC, FileMapping.Origin.SPEC);
        assertThat(compute.files().get(1).mode()).isEqualTo(0755);
    }

    @Test
    void unknownFieldIsNamedWithLineAndColumn() throws Exception {
        SpecProblem p = single("""
                name: nova-compute
                maintainer: A <a@b.c>
                description: x
                archtecture: all
                """);
        assertThat(p.at().line()).isEqualTo(4);
        assertThat(p.at().column()).isEqualTo(1);
        assertThat(p.at().field()).isEqualTo("archtecture");
        assertThat(p.message()).startsWith("unknown field; known fields are name, architecture");
        assertThat(p.toString()).startsWith(dir.resolve("spec.yaml") + ":4:1: archtecture: unknown field");
    }

    @Test
    void invalidNameIsRejected() throws Exception {
        SpecProblem p = single("name: Nova_Compute\nmaintainer: A <a@b.c>\ndescription: x\n");
        assertThat(p.at().line()).isEqualTo(1);
        assertThat(p.at().column()).isEqualTo(7);
        assertThat(p.at().field()).isEqualTo("name");
        assertThat(p.message()).contains("'Nova_Compute' is not a valid package name");
    }

    @Test
    void invalidVersionInDependsIsRejected() throws Exception {
        SpecProblem p = single("""
                name: nova-compute
                maintainer: A <a@b.c>
                description: x
                depends:
                  - python3
                  - nova-common (>= v1.0)
                """);
        assertThat(p.at().line()).isEqualTo(6);
        assertThat(p.at().field()).isEqualTo("depends[1]");
        assertThat(p.message()).contains("invalid version 'v1.0': upstream version must start with a digit");
    }

    @Test
    void missingSpecFileIsRejectedWithItsField() throws Exception {
        SpecProblem p = single("""
                name: nova-compute
                maintainer: A <a@b.c>
                description: x
                files:
                  - spec: nova-compute/missing.service
                    to: /lib/systemd/system/nova-compute.service
                """);
        assertThat(p.at().line()).isEqualTo(5);
        assertThat(p.at().field()).isEqualTo("files[0].spec");
        assertThat(p.message()).contains("'nova-compute/missing.service' does not exist");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        Files.writeString(dir.resolve("spec.yaml"), """
                name: x
                architecture: sparc99
                maintainer: nobody
                depends: python3
                description: |
                  %s
                files:
                  - tree: nova
                    spec: other
                    to: /usr/lib/x
                  - tree: ../outside
                    to: relative/path
                    mode: rwx
                conffiles:
                  - tree: nova/nova.conf
                    to: /usr/share/nova.conf
                scripts:
                  postinstall: x
                """.formatted("s".repeat(90)));
        SpecException e = catchThrowableOfType(SpecException.class, () -> PackageSpecParser.parse(dir.resolve("spec.yaml")));
        assertThat(e.problems()).extracting(p -> p.at().field() + "@" + p.at().line()).containsExactlyInAnyOrder(
                "name@1", "architecture@2", "maintainer@3", "depends@4", "description@5",
                "files[0].tree@8", "files[1].tree@11", "files[1].to@12", "files[1].mode@13",
                "conffiles[0].to@16", "scripts.postinstall@18");
    }

    @Test
    void missingRequiredFieldsAndBadYaml() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "name: nova-x\n");
        Files.writeString(dir.resolve("b.yaml"), "name: [unclosed\n");
        SpecException e = catchThrowableOfType(SpecException.class, () -> PackageSpecParser.parseDirectory(dir));
        assertThat(e.problems()).extracting(p -> p.at().file().getFileName() + ":" + p.at().field() + ":" + p.message())
                .containsExactly("a.yaml:maintainer:is required", "a.yaml:description:is required",
                        "b.yaml:(yaml):not valid YAML: expected ',' or ']', but got <stream end>");
    }

    @Test
    void duplicateTargetsAndPackageNames() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), """
                name: nova-x
                maintainer: A <a@b.c>
                description: x
                files:
                  - tree: a
                    to: /usr/lib/x
                  - tree: b
                    to: /usr/lib/x
                """);
        SpecProblem p = single(Files.readString(dir.resolve("a.yaml")));
        assertThat(p.at().field()).isEqualTo("files[1].tree");
        assertThat(p.message()).isEqualTo("target '/usr/lib/x' is already mapped by files[0].tree (line 5)");
    }

    private SpecProblem single(String yaml) throws IOException {
        Path f = dir.resolve("spec.yaml");
        Files.writeString(f, yaml);
        SpecException e = catchThrowableOfType(SpecException.class, () -> PackageSpecParser.parse(f));
        assertThat(e).as("spec should be rejected").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }
}
