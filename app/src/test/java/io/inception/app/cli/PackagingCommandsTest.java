package io.inception.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code inception package} and {@code inception repo ...} end to end on a temp repository. */
class PackagingCommandsTest {
    @TempDir
    static Path dir;
    static Path specs;
    static Path tree;

    /** Output and exit code of one command. */
    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    @BeforeAll
    static void candidate() throws Exception {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("environments/packages"))) specs = p.resolve("environments/packages");
        }
        tree = dir.resolve("tree");
        write("nova/__init__.py", "");
        write("nova/version.py", "VERSION = '27.2.0'\n");
        write("nova/compute/manager.py", "class ComputeManager:\n    max_build_retries = 4\n");
        write("nova/virt/xenapi/vm_operations.py", "class VMOps:\n    pass\n");
    }

    private static void write(String rel, String text) throws Exception {
        Files.createDirectories(tree.resolve(rel).getParent());
        Files.writeString(tree.resolve(rel), text);
    }

    static Run run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        int exit = cl.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static String[] repoArgs(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--repo", dir.resolve("apt").toString(), "--keys", dir.resolve("keys").toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void packagesPublishesPointsAndListsTheCandidate() throws Exception {
        Run r = run(new PackageCommand(), repoArgs("--build", "b-1", "--tree", tree.toString(), "--commit", "1a2b3c4d5e",
                "--time", "2026-11-27T02:15:30Z", "--specs", specs.toString(), "--out", dir.resolve("debs").toString(),
                "--point", "qe", "--json"));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.get("version").asText()).isEqualTo("27.2.0+git202611270215.1a2b3c4-1");
        assertThat(doc.get("packages")).hasSize(3);
        assertThat(doc.get("packages").get(2).get("name").asText()).isEqualTo("nova-compute");
        assertThat(doc.get("packages").get(2).get("sha256").asText()).hasSize(64);
        assertThat(doc.get("snapshot").get("distribution").asText()).isEqualTo("builds/b-1");
        assertThat(doc.get("pointer").get("suite").asText()).isEqualTo("qe");

        Run point = run(new RepoCommand(), repoArgs("point", "staging", "b-1"));
        assertThat(point.exit()).as(point.err()).isZero();
        assertThat(point.out()).contains("suite staging -> builds/b-1");

        Run list = run(new RepoCommand(), repoArgs("snapshots", "--json"));
        assertThat(list.exit()).isZero();
        JsonNode snapshots = list.json().get("snapshots");
        assertThat(snapshots).hasSize(1);
        assertThat(snapshots.get(0).get("pointedBy").toString()).isEqualTo("[\"qe\",\"staging\"]");
        assertThat(list.json().get("suites")).hasSize(2);
        assertThat(run(new RepoCommand(), repoArgs("snapshots")).out()).contains("builds/b-1", "<- qe, staging",
                "nova-compute   27.2.0+git202611270215.1a2b3c4-1");

        Run missing = run(new RepoCommand(), repoArgs("point", "qe", "b-9"));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("there is no snapshot builds/b-9");

        Run retain = run(new RepoCommand(), repoArgs("retain", "--keep", "1", "--json"));
        assertThat(retain.exit()).isZero();
        assertThat(retain.json().get("keptSnapshots").toString()).isEqualTo("[\"b-1\"]");
    }

    @Test
    void aBadSpecOrVersionExitsTwoNamingFileLineAndField() throws Exception {
        Path bad = Files.createDirectories(dir.resolve("bad-specs"));
        Files.writeString(bad.resolve("nova-x.yaml"), "name: nova-x\nmaintainer: A <a@b.c>\ndescription: x\nfiles: []\nowner: me\n");
        Run r = run(new PackageCommand(), repoArgs("--build", "b-2", "--tree", tree.toString(), "--version", "1.0-1",
                "--specs", bad.toString(), "--out", dir.resolve("debs2").toString(), "--publish"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nova-x.yaml:5:1: owner: unknown field");
        assertThat(dir.resolve("debs2")).doesNotExist();

        Run v = run(new PackageCommand(), repoArgs("--build", "b-2", "--tree", tree.toString(), "--version", "v1.0",
                "--specs", specs.toString(), "--json"));
        assertThat(v.exit()).isEqualTo(2);
        assertThat(v.json().get("error").asText()).contains("invalid version 'v1.0': upstream version must start with a digit");

        Run noTree = run(new PackageCommand(), repoArgs("--build", "b-2", "--tree", dir.resolve("nope").toString(),
                "--version", "1.0-1"));
        assertThat(noTree.exit()).isEqualTo(2);
    }

    @Test
    void exportsTheKeyAndPrintsTheSourcesLine() throws Exception {
        Run armored = run(new RepoCommand(), repoArgs("key", "export"));
        assertThat(armored.exit()).as(armored.err()).isZero();
        assertThat(armored.out()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----").contains("-----END PGP PUBLIC KEY BLOCK-----");
        Run json = run(new RepoCommand(), repoArgs("key", "export", "--json"));
        assertThat(json.json().get("fingerprint").asText()).hasSize(40);
        assertThat(json.json().get("hostPath").asText()).isEqualTo("/etc/apt/keyrings/inception.asc");
        assertThat(json.out()).doesNotContain("PRIVATE");

        Run line = run(new RepoCommand(), "sources-line", "qe", "--url", "http://127.0.0.1:8080/apt");
        assertThat(line.out().strip())
                .isEqualTo("deb [signed-by=/etc/apt/keyrings/inception.asc] http://127.0.0.1:8080/apt/ qe main");
    }
}
