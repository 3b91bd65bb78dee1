package io.inception.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code inception merge} as a user runs it: reports, exit codes, JSON, help, bad input. */
class MergeCommandTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    private Path trunk;
    private Path good;
    private Path bad;
    private Path target;
    private RevCommit culprit;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        trunk = tmp.resolve("nova");
        try (Git git = Git.init().setDirectory(trunk.toFile()).setInitialBranch("main").call()) {
            write(trunk, "nova/compute/manager.py", "a\nb\nc\nd\ne\nf\ng\n");
            write(trunk, "README", "nova\n");
            commit(git, "initial", "Tess Ter");
        }
        good = cloneWith("good", "README", "nova, with docs\n", "docs");
        bad = cloneWith("bad", "nova/compute/manager.py", "a\nb\nBRANCH\nd\ne\nf\ng\n", "branch edit");
        try (Git git = Git.open(trunk.toFile())) {
            write(trunk, "nova/compute/manager.py", "a\nb\nTRUNK\nd\ne\nf\ng\n");
            culprit = commit(git, "compute: trunk rewrite", "Alice Trunk");
        }
        target = tmp.resolve("candidates.git");
        Git.init().setBare(true).setDirectory(target.toFile()).call().close();
    }

    private Path cloneWith(String name, String file, String content, String message) throws Exception {
        Path dir = tmp.resolve(name);
        try (Git git = Git.cloneRepository().setURI(trunk.toUri().toString()).setDirectory(dir.toFile()).call()) {
            git.checkout().setCreateBranch(true).setName(name).call();
            write(dir, file, content);
            commit(git, message, "Bob Branch");
        }
        return dir;
    }

    private static void write(Path repo, String path, String content) throws Exception {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), content);
    }

    private static RevCommit commit(Git git, String message, String author) throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent(author, author.toLowerCase().replace(' ', '.') + "@example.com");
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
    }

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new MergeCommand(CLOCK));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private String[] args(String policy, String... extra) {
        String[] base = {"--trunk", trunk + "#main", "--branch", good + "#good", "--branch", bad + "#bad",
            "--push", target + "#refs/heads/candidate", "--on-conflict", policy,
            "--work-dir", tmp.resolve("work").toString(), "--build-id", "b-cli-1"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    private String targetRef() throws Exception {
        try (Repository repo = Git.open(target.toFile()).getRepository()) {
            return repo.exactRef("refs/heads/candidate") == null ? null
                    : repo.exactRef("refs/heads/candidate").getObjectId().name();
        }
    }

    @Test
    void conflictWithFailExitsOneNamesFileAndCulpritAndPushesNothing() throws Exception {
        int code = run(args("fail"));

        assertThat(code).isEqualTo(1);
        assertThat(out.toString())
                .containsPattern("MERGED +" + java.util.regex.Pattern.quote(good + "#good"))
                .containsPattern("CONFLICT +" + java.util.regex.Pattern.quote(bad + "#bad"))
                .contains("conflict: nova/compute/manager.py")
                .contains(culprit.name().substring(0, 12) + " Alice Trunk <alice.trunk@example.com> \"compute: trunk rewrite\"")
                .contains("nothing was pushed");
        assertThat(targetRef()).isNull();
    }

    @Test
    void conflictWithSkipExitsZeroSaysSoAndPushes() throws Exception {
        int code = run(args("skip"));

        assertThat(code).isZero();
        assertThat(out.toString()).contains("SKIPPED").contains("skipped 1 conflicting branch(es)")
                .contains("pushed to " + target + "#refs/heads/candidate");
        assertThat(targetRef()).isNotNull();
    }

    @Test
    void jsonIsOneDocumentWithTheBuildData() throws Exception {
        int code = run(args("SKIP", "--json"));

        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("buildId").asText()).isEqualTo("b-cli-1");
        assertThat(json.at("/branches/0/status").asText()).isEqualTo("MERGED");
        assertThat(json.at("/branches/1/status").asText()).isEqualTo("SKIPPED");
        assertThat(json.at("/branches/1/files/0").asText()).isEqualTo("nova/compute/manager.py");
        assertThat(json.at("/branches/1/culprits/0/sha").asText()).isEqualTo(culprit.name());
        assertThat(json.get("pushedSha").asText()).isEqualTo(targetRef());
    }

    @Test
    void helpExplainsEveryOptionWithAnExample() {
        int code = run("--help");

        assertThat(code).isZero();
        String help = out.toString();
        java.util.Map<String, StringBuilder> blocks = new java.util.LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : help.lines().toList()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s{2,8}(?:-\\w, )?(--[a-z-]+)").matcher(line);
            if (m.find()) {
                current = blocks.computeIfAbsent(m.group(1), k -> new StringBuilder());
            } else if (line.isBlank() || !line.startsWith(" ")) {
                current = null;
            }
            if (current != null) {
                current.append(line).append('\n');
            }
        }
        for (String option : new String[] {"--trunk", "--branch", "--push", "--on-conflict", "--json", "--work-dir"}) {
            assertThat(blocks).as("help lists " + option).containsKey(option);
            assertThat(blocks.get(option).toString()).as(option).contains("e.g.");
        }
        assertThat(help).contains("Examples:").contains("Exit codes");
    }

    @Test
    void badInputExitsTwoAndNamesTheBranchWithoutThePassword() {
        int code = run("--trunk", trunk + "#main", "--branch", "https://ci:hunter2secret@127.0.0.1:1/nova.git#rax-prod",
                "--work-dir", tmp.resolve("work").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("rax-prod").doesNotContain("hunter2secret");
        assertThat(out.toString()).doesNotContain("hunter2secret");
    }

    @Test
    void specWithoutBranchAndUnknownPolicyAreBadInput() {
        assertThat(run("--trunk", trunk.toString(), "--work-dir", tmp.resolve("w").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("URL#branch");
        assertThat(run("--trunk", trunk + "#main", "--on-conflict", "maybe")).isEqualTo(2);
        assertThat(err.toString()).contains("'maybe' is not fail or skip");
    }
}
