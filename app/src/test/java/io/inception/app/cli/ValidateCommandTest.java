package io.inception.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code inception validate} as a user runs it: output, exit codes, --json and --ref. */
class ValidateCommandTest {
    @TempDir
    Path tmp;

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new ValidateCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void theShippedEnvironmentsFolderIsClean() {
        Result r = run("../environments");
        assertThat(r.out()).isEqualTo("ok: 8 files, 0 errors" + System.lineSeparator());
        assertThat(r.exit()).isZero();
    }

    @Test
    void aBadFilePrintsEveryErrorWithFileLineColumnAndFieldAndExits2() throws Exception {
        Path file = tmp.resolve("pipelines/trunk-to-qe.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                name: trunk-to-qe
                stages:
                  - name: merge
                    type: merge
                    with: {on-conflict: maybe}
                  - name: merge
                    type: unit-tests
                """);
        Result r = run(file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out().lines()).containsExactly(
                file + ":5:25: stages[0].with.on-conflict: bad value 'maybe': expected one of fail, skip",
                file + ":6:11: stages[1].name: duplicate stage name 'merge' (first at line 3)",
                file + ":7:11: stages[1].type: unknown stage type 'unit-tests' (did you mean 'unit-test'?); known types: merge, unit-test, approval, rollout, package, puppet, puppet-validate, provision, smoke",
                "failed: 1 file, 3 errors");
    }

    @Test
    void jsonIsOneDocumentWithEveryError() throws Exception {
        Path file = tmp.resolve("branches.yaml");
        Files.writeString(file, "trunk: https://alice:hunter2@git.example.com/nova.git#master\n");
        Result r = run(file.toString(), "--json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).doesNotContain("hunter2");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("ok").asBoolean()).isFalse();
        JsonNode error = doc.get("errors").get(0);
        assertThat(error.get("file").asText()).isEqualTo(file.toString());
        assertThat(error.get("line").asInt()).isEqualTo(1);
        assertThat(error.get("column").asInt()).isEqualTo(8);
        assertThat(error.get("field").asText()).isEqualTo("trunk");
        assertThat(error.get("message").asText()).startsWith("credentials embedded in URL 'https://***@git.example.com/nova.git'");
    }

    @Test
    void refValidatesTheCommittedTextNotTheWorkingTree() throws Exception {
        Path repo = tmp.resolve("config");
        Path pipeline = repo.resolve("environments/pipelines/p.yaml");
        Files.createDirectories(pipeline.getParent());
        RevCommit good;
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(pipeline, "name: p\nstages:\n  - {name: merge, type: merge}\n");
            git.add().addFilepattern(".").call();
            good = git.commit().setMessage("good").setAuthor("T", "t@example.com").setCommitter("T", "t@example.com")
                    .setSign(false).call();
            Files.writeString(pipeline, "name: p\nstages:\n  - {name: merge, type: merj}\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("bad").setAuthor("T", "t@example.com").setCommitter("T", "t@example.com")
                    .setSign(false).call();
        }
        Files.writeString(pipeline, "name: p\nstages: []\n"); // uncommitted

        Result atGood = run(repo.toString(), "--ref", good.name());
        assertThat(atGood.exit()).isZero();
        assertThat(atGood.out().trim()).isEqualTo("ok: 1 file, 0 errors at " + good.name().substring(0, 12));

        Result atMain = run(repo.toString(), "--ref", "main");
        assertThat(atMain.exit()).isEqualTo(2);
        assertThat(atMain.out()).contains("environments/pipelines/p.yaml:3:25: stages[0].type: unknown stage type 'merj' (did you mean 'merge'?)");

        Result onDisk = run(repo.resolve("environments").toString());
        assertThat(onDisk.out()).contains("p.yaml:2:9: stages: a pipeline needs at least one stage");
    }

    @Test
    void unreadableInputIsExit2WithAMessage() {
        Result missing = run(tmp.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file or directory");
        Result badRef = run(tmp.toString(), "--ref", "main");
        assertThat(badRef.exit()).isEqualTo(2);
        assertThat(badRef.err()).contains("not a git repository");
        Result urlWithoutRef = run("https://bot:hunter2@git.example.com/config.git");
        assertThat(urlWithoutRef.exit()).isEqualTo(2);
        assertThat(urlWithoutRef.err()).contains("https://***@git.example.com/config.git is a repository URL: name a ref with --ref")
                .doesNotContain("hunter2");
    }

    @Test
    void helpShowsExamples() {
        Result r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: validate", "--ref=REF", "--json", "Examples:",
                "inception validate . --ref main", "Exit codes: 0 no errors; 2 errors found or bad input.");
    }
}
