package io.inception.engine.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The merge train must agree with {@code git merge} (ort, git 2.39) on the same repository: same
 * verdict, and for clean merges the same tree SHA. Named scenarios cover each kind of change;
 * the generated ones mix random edits, renames, moves, deletes, adds and binary changes.
 */
class MergeParityTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    private GitCli git;
    private final AtomicInteger counter = new AtomicInteger();

    /** A verdict of either merger: "clean", "conflict" or "up-to-date", plus the tree when clean. */
    record Verdict(String verdict, String tree) {
    }

    @BeforeEach
    void setUp() {
        git = new GitCli(tmp);
    }

    static FileModel standardBase() {
        return new FileModel().text("nova/compute/manager.py", 30).text("nova/api/server.py", 30)
                .text("README", 12).text("lib/util.c", 20);
    }

    static Stream<Arguments> named() {
        String f = "nova/compute/manager.py";
        byte[] blob = {0, 1, 2, 3, 0, 5, 6, 7};
        byte[] blobTrunk = {0, 1, 2, 3, 0, 5, 6, 8};
        byte[] blobBranch = {9, 1, 2, 3, 0, 5, 6, 7};
        return Stream.of(
                arguments("clean", MergeScenario.of("edits in different places", standardBase(),
                        m -> m.edit(f, 2, "trunk"), m -> m.edit(f, 20, "branch"))),
                arguments("conflict", MergeScenario.of("edits of the same line", standardBase(),
                        m -> m.edit(f, 5, "trunk"), m -> m.edit(f, 5, "branch"))),
                arguments("conflict", MergeScenario.of("edits of adjacent lines", standardBase(),
                        m -> m.edit(f, 5, "trunk"), m -> m.edit(f, 6, "branch"))),
                arguments("clean", MergeScenario.of("edits one line apart", standardBase(),
                        m -> m.edit(f, 5, "trunk"), m -> m.edit(f, 7, "branch"))),
                arguments("clean", MergeScenario.of("same edit on both sides", standardBase(),
                        m -> m.edit(f, 5, "same"), m -> m.edit(f, 5, "same"))),
                arguments("clean", MergeScenario.of("trunk renames a file the branch edits", standardBase(),
                        m -> m.move(f, "nova/compute/mgr.py"), m -> m.edit(f, 10, "branch"))),
                arguments("clean", MergeScenario.of("trunk moves and edits a file the branch edits", standardBase(),
                        m -> m.move(f, "nova/virt/manager.py").edit("nova/virt/manager.py", 1, "trunk"),
                        m -> m.edit(f, 25, "branch"))),
                arguments("conflict", MergeScenario.of("trunk moves a file, the branch edits the same line", standardBase(),
                        m -> m.move(f, "nova/virt/manager.py").edit("nova/virt/manager.py", 3, "trunk"),
                        m -> m.edit(f, 3, "branch"))),
                arguments("clean", MergeScenario.of("branch renames a file trunk edits", standardBase(),
                        m -> m.edit(f, 4, "trunk"), m -> m.move(f, "nova/compute/manager2.py"))),
                arguments("clean", MergeScenario.of("both rename to the same path", standardBase(),
                        m -> m.move(f, "x/manager.py"), m -> m.move(f, "x/manager.py").edit("x/manager.py", 9, "b"))),
                arguments("conflict", MergeScenario.of("rename/rename to different paths", standardBase(),
                        m -> m.move(f, "x/manager.py"), m -> m.move(f, "y/manager.py"))),
                arguments("conflict", MergeScenario.of("trunk deletes, branch edits", standardBase(),
                        m -> m.delete(f), m -> m.edit(f, 1, "branch"))),
                arguments("conflict", MergeScenario.of("trunk edits, branch deletes", standardBase(),
                        m -> m.edit(f, 1, "trunk"), m -> m.delete(f))),
                arguments("conflict", MergeScenario.of("trunk renames, branch deletes", standardBase(),
                        m -> m.move(f, "nova/compute/mgr.py"), m -> m.delete(f))),
                arguments("clean", MergeScenario.of("trunk deletes an untouched file", standardBase(),
                        m -> m.delete("README"), m -> m.edit(f, 1, "branch"))),
                arguments("clean", MergeScenario.of("both add the same file", standardBase(),
                        m -> m.put("NEW", "same\n"), m -> m.put("NEW", "same\n"))),
                arguments("conflict", MergeScenario.of("both add a file with different content", standardBase(),
                        m -> m.put("NEW", "trunk\n"), m -> m.put("NEW", "branch\n"))),
                arguments("conflict", MergeScenario.of("trunk renames a directory, branch adds a file in it", standardBase(),
                        m -> m.move("lib/util.c", "src/util.c"), m -> m.put("lib/new.c", "int x;\n"))),
                arguments("conflict", MergeScenario.of("binary file changed on both sides", standardBase().put("img/logo.bin", blob),
                        m -> m.put("img/logo.bin", blobTrunk), m -> m.put("img/logo.bin", blobBranch))),
                arguments("clean", MergeScenario.of("binary file changed on one side", standardBase().put("img/logo.bin", blob),
                        m -> m.edit(f, 1, "trunk"), m -> m.put("img/logo.bin", blobBranch))),
                arguments("clean", MergeScenario.of("file without final newline", standardBase().put("VERSION", "1\n2\n3\n4\n5\n6"),
                        m -> m.put("VERSION", "1t\n2\n3\n4\n5\n6"), m -> m.put("VERSION", "1\n2\n3\n4\n5\n6b"))),
                arguments("clean", MergeScenario.of("trunk makes a script executable, branch edits it",
                        standardBase().text("tools/run.sh", 10),
                        m -> m.executable("tools/run.sh", true), m -> m.edit("tools/run.sh", 4, "branch"))),
                arguments("clean", MergeScenario.of("trunk moves an executable, branch edits it",
                        standardBase().text("tools/run.sh", 10).executable("tools/run.sh", true),
                        m -> m.move("tools/run.sh", "bin/run.sh"), m -> m.edit("tools/run.sh", 4, "branch"))),
                arguments("clean", MergeScenario.of("symlink retargeted on one side", standardBase().symlink("current", "README"),
                        m -> m.symlink("current", "lib/util.c"), m -> m.edit(f, 1, "branch"))),
                arguments("conflict", MergeScenario.of("symlink retargeted differently on both sides",
                        standardBase().symlink("current", "README"),
                        m -> m.symlink("current", "lib/util.c"), m -> m.symlink("current", f))),
                arguments("conflict", MergeScenario.of("file on one side where the other has a directory", standardBase(),
                        m -> m.put("lib/extra", "a file\n"), m -> m.put("lib/extra/inner.c", "int y;\n"))),
                arguments("clean", MergeScenario.of("trunk deletes a directory, branch adds a file to it", standardBase(),
                        m -> m.delete("lib/util.c"), m -> m.put("lib/new.c", "int z;\n"))),
                arguments("clean", MergeScenario.of("both delete the same file", standardBase(),
                        m -> m.delete("README"), m -> m.delete("README").edit(f, 8, "branch"))),
                arguments("up-to-date", new MergeScenario("already merged branch", standardBase(),
                        m -> m.edit(f, 2, "trunk"), m -> m.edit(f, 20, "branch"), true)));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("named")
    void agreesWithGitMergeOnNamedScenarios(String expected, MergeScenario scenario) {
        Path repo = scenario.build(git, tmp.resolve("repo-" + counter.incrementAndGet()));
        Verdict train = viaTrain(repo);
        Verdict cli = viaGit(repo);
        assertThat(cli.verdict()).as("git's own verdict on " + scenario.name()).isEqualTo(expected);
        assertThat(train).as(scenario.name()).isEqualTo(cli);
    }

    @Test
    void agreesWithGitMergeOnGeneratedScenarios() {
        List<String> disagreements = new ArrayList<>();
        int conflicts = 0;
        for (int seed = 1; seed <= 60; seed++) {
            ScenarioGenerator.Generated generated = ScenarioGenerator.generate(new Random(seed), "seed " + seed);
            Path repo = generated.scenario().build(git, tmp.resolve("gen-" + seed));
            Verdict train = viaTrain(repo);
            Verdict cli = viaGit(repo);
            if (!train.equals(cli)) {
                disagreements.add(generated.describe() + ": train " + train + " git " + cli);
            }
            conflicts += cli.verdict().equals("conflict") ? 1 : 0;
        }
        assertThat(disagreements).isEmpty();
        // the generator must exercise both verdicts, or the comparison proves little
        assertThat(conflicts).isBetween(8, 52);
    }

    @Test
    void agreesWithGitMergeOnCrissCrossHistory() {
        Path repo = git.init(tmp.resolve("criss-cross"));
        FileModel m = standardBase();
        m.writeTo(repo);
        git.commitAll(repo, "base");
        git.run(repo, "checkout", "-q", "-b", "feature");
        m.edit("nova/compute/manager.py", 3, "feature 1").writeTo(repo);
        String f1 = git.commitAll(repo, "F1");
        git.run(repo, "checkout", "-q", "main");
        FileModel t = standardBase().edit("nova/api/server.py", 3, "main 1");
        t.writeTo(repo);
        String m1 = git.commitAll(repo, "M1");
        git.run(repo, "merge", "-q", "--no-edit", f1);
        git.run(repo, "checkout", "-q", "feature");
        git.run(repo, "merge", "-q", "--no-edit", m1);
        assertThat(git.run(repo, "merge-base", "--all", "main", "feature").lines()).hasSize(2);
        GitCli.write(repo, "README", "feature rewrote the readme\n");
        git.commitAll(repo, "F3");
        git.run(repo, "checkout", "-q", "main");
        git.run(repo, "mv", "nova/compute/manager.py", "nova/compute/mgr.py");
        git.commitAll(repo, "M3: rename");

        Verdict train = viaTrain(repo);
        Verdict cli = viaGit(repo);
        assertThat(cli.verdict()).isEqualTo("clean");
        assertThat(train).isEqualTo(cli);
    }

    @Test
    void emptyBranchListGivesTrunkAsCandidate() {
        Path repo = MergeScenario.of("empty", standardBase(), m -> m.edit("README", 1, "t"), m -> m)
                .build(git, tmp.resolve("empty"));
        MergeReport report = MergeTrain.in(tmp.resolve("work-empty")).withClock(CLOCK)
                .trunk(RemoteBranch.parse(repo + "#main")).branches(List.of()).run();
        assertThat(report.branches()).isEmpty();
        assertThat(report.candidateSha()).isEqualTo(git.run(repo, "rev-parse", "main"));
    }

    private Verdict viaTrain(Path repo) {
        Path work = tmp.resolve("work-" + counter.incrementAndGet());
        MergeReport report = MergeTrain.in(work).withClock(CLOCK)
                .trunk(RemoteBranch.parse(repo + "#main"))
                .branches(List.of(RemoteBranch.parse(repo + "#feature")))
                .run();
        return switch (report.branches().get(0).status()) {
            case MERGED -> new Verdict("clean", git.run(work.resolve("repo.git"), "rev-parse",
                    report.candidateSha() + "^{tree}"));
            case UP_TO_DATE -> new Verdict("up-to-date", null);
            default -> new Verdict("conflict", null);
        };
    }

    private Verdict viaGit(Path repo) {
        GitCli.Result r = git.exec(repo, "merge", "--no-edit", "feature");
        if (r.exitCode() != 0) {
            git.exec(repo, "merge", "--abort");
            return new Verdict("conflict", null);
        }
        if (r.out().contains("Already up to date")) {
            return new Verdict("up-to-date", null);
        }
        Verdict v = new Verdict("clean", git.run(repo, "rev-parse", "HEAD^{tree}"));
        git.run(repo, "reset", "-q", "--hard", "HEAD~1");
        return v;
    }
}
