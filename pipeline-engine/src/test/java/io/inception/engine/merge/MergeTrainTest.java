package io.inception.engine.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user of the train checks: which branch conflicted, on which files, because of which trunk
 * commit; that skip merges the rest and fail pushes nothing; that the candidate really is in the
 * target repository; and that the JSON report carries the build's data.
 */
class MergeTrainTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    private GitCli git;
    private Path trunk;
    private Path target;
    private String culpritSha;

    @BeforeEach
    void setUp() {
        git = new GitCli(tmp);
        trunk = git.init(tmp.resolve("nova"));
        new FileModel().text("nova/compute/manager.py", 30).text("nova/api/server.py", 30).text("README", 10)
                .writeTo(trunk);
        git.commitAll(trunk, "initial import");
        // three custom branches in their own repositories, cloned from trunk
        Path rax = clone("rax");
        GitCli.write(rax, "nova/api/server.py", edited(rax, "nova/api/server.py", 3, "rax api change"));
        git.commitAll(rax, "rax: api change", "Rachel Rax", "rachel@example.com");
        Path quota = clone("quota");
        GitCli.write(quota, "nova/compute/manager.py", edited(quota, "nova/compute/manager.py", 7, "quota tweak"));
        git.commitAll(quota, "quota: tweak manager", "Quinn Quota", "quinn@example.com");
        Path cells = clone("cells");
        GitCli.write(cells, "README", edited(cells, "README", 2, "cells docs"));
        git.commitAll(cells, "cells: docs", "Cel Cells", "cel@example.com");
        // trunk moves on: an unrelated commit, then the one that collides with quota's line 7
        GitCli.write(trunk, "nova/api/server.py", edited(trunk, "nova/api/server.py", 25, "trunk api"));
        git.commitAll(trunk, "api: unrelated trunk change", "Ann Other", "ann@example.com");
        GitCli.write(trunk, "nova/compute/manager.py", edited(trunk, "nova/compute/manager.py", 25, "far away"));
        git.commitAll(trunk, "compute: same file, other lines", "Ann Other", "ann@example.com");
        GitCli.write(trunk, "nova/compute/manager.py", edited(trunk, "nova/compute/manager.py", 7, "trunk rewrite"));
        culpritSha = git.commitAll(trunk, "compute: rewrite scheduling hint", "Alice Trunk", "alice@example.com");
        target = tmp.resolve("candidates.git");
        git.run(tmp, "init", "-q", "--bare", target.toString());
    }

    private Path clone(String name) {
        git.run(tmp, "clone", "-q", trunk.toString(), name);
        git.run(tmp.resolve(name), "checkout", "-q", "-b", name);
        return tmp.resolve(name);
    }

    private static String edited(Path repo, String path, int line, String text) {
        try {
            List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(repo.resolve(path)));
            lines.set(line, text);
            return String.join("\n", lines) + "\n";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private MergeTrain train(ConflictPolicy policy) {
        return MergeTrain.in(tmp.resolve("work")).withClock(CLOCK).withBuildId("b-test-1")
                .trunk(RemoteBranch.parse(trunk + "#main"))
                .branches(List.of(RemoteBranch.parse(tmp.resolve("rax") + "#rax"),
                        RemoteBranch.of("quota", tmp.resolve("quota").toUri().toString(), "quota"),
                        RemoteBranch.parse(tmp.resolve("cells") + "#cells")))
                .onConflict(policy)
                .pushTo(RemoteBranch.parse(target + "#refs/heads/candidate"));
    }

    /** Of the trunk commits that touched the file, the culprit is the one that wrote the conflicting line. */
    @Test
    void conflictNamesTheFileAndTheTrunkCommitThatCausedIt() {
        MergeReport report = train(ConflictPolicy.FAIL).run();

        BranchReport quota = report.branches().get(1);
        assertThat(quota.name()).isEqualTo("quota");
        assertThat(quota.status()).isEqualTo(MergeStatus.CONFLICT);
        assertThat(quota.files()).containsExactly("nova/compute/manager.py");
        assertThat(quota.culprits()).extracting(Culprit::sha).containsExactly(culpritSha);
        assertThat(quota.culprits().get(0).author()).isEqualTo("Alice Trunk <alice@example.com>");
        assertThat(quota.culprits().get(0).subject()).isEqualTo("compute: rewrite scheduling hint");
    }

    @Test
    void failReportsEveryBranchAndPushesNothing() {
        MergeReport report = train(ConflictPolicy.FAIL).run();

        assertThat(report.failed()).isTrue();
        assertThat(report.branches()).extracting(BranchReport::status)
                .containsExactly(MergeStatus.MERGED, MergeStatus.CONFLICT, MergeStatus.MERGED);
        assertThat(report.candidateSha()).isNull();
        assertThat(report.pushedRef()).isNull();
        assertThat(git.exec(target, "rev-parse", "--verify", "-q", "refs/heads/candidate").exitCode()).isNotZero();
        assertThat(report.toText()).contains("FAILED").contains("nothing was pushed");
    }

    @Test
    void skipLeavesTheConflictingBranchOutAndPushesTheRest() {
        MergeReport report = train(ConflictPolicy.SKIP).run();

        assertThat(report.failed()).isFalse();
        assertThat(report.branches()).extracting(BranchReport::status)
                .containsExactly(MergeStatus.MERGED, MergeStatus.SKIPPED, MergeStatus.MERGED);
        assertThat(report.branches().get(1).files()).containsExactly("nova/compute/manager.py");
        String pushed = git.run(target, "rev-parse", "refs/heads/candidate");
        assertThat(pushed).isEqualTo(report.candidateSha()).isEqualTo(report.pushedSha());
        assertThat(report.pushedRef()).isEqualTo("refs/heads/candidate");
        // the candidate has rax and cells, trunk's rewrite, and not quota's line
        String manager = git.run(target, "show", "candidate:nova/compute/manager.py");
        assertThat(manager).contains("trunk rewrite").doesNotContain("quota tweak");
        assertThat(git.run(target, "show", "candidate:nova/api/server.py")).contains("rax api change", "trunk api");
        assertThat(git.run(target, "show", "candidate:README")).contains("cells docs");
        String heads = git.run(target, "log", "--format=%an %ae %cI", "-1", "candidate");
        assertThat(heads).isEqualTo("Inception merge train merge-train@inception.invalid 2026-11-27T03:00:00+00:00");
        assertThat(git.run(target, "merge-base", "--is-ancestor", report.branches().get(0).headSha(), "candidate"))
                .isEmpty();
        assertThat(report.toText()).contains("skipped 1 conflicting branch(es)");
    }

    @Test
    void aBranchConflictingWithAnEarlierBranchBlamesThatBranchesCommit() {
        Path other = clone("other");
        GitCli.write(other, "nova/api/server.py", edited(other, "nova/api/server.py", 3, "other api change"));
        String otherCommit = git.commitAll(other, "other: api", "Olga Other", "olga@example.com");

        MergeReport report = MergeTrain.in(tmp.resolve("work2")).withClock(CLOCK)
                .trunk(RemoteBranch.parse(trunk + "#main"))
                .branches(List.of(RemoteBranch.parse(tmp.resolve("rax") + "#rax"),
                        RemoteBranch.parse(other + "#other")))
                .onConflict(ConflictPolicy.SKIP).run();

        BranchReport second = report.branches().get(1);
        assertThat(second.status()).isEqualTo(MergeStatus.SKIPPED);
        assertThat(second.files()).containsExactly("nova/api/server.py");
        assertThat(second.culprits()).extracting(Culprit::subject).containsExactly("rax: api change");
        assertThat(second.culprits()).extracting(Culprit::sha).doesNotContain(otherCommit);
    }

    @Test
    void conflictOnAFileTrunkMovedNamesTheNewPathAndTheCommitThatWroteTheLine() throws Exception {
        Path mover = clone("mover");
        GitCli.write(mover, "nova/api/server.py", edited(mover, "nova/api/server.py", 12, "branch line 12"));
        git.commitAll(mover, "mover: edit server", "Bob Branch", "bob@example.com");
        java.nio.file.Files.createDirectories(trunk.resolve("nova/api/v2"));
        git.run(trunk, "mv", "nova/api/server.py", "nova/api/v2/server.py");
        git.commitAll(trunk, "api: move server to v2", "Mo Ver", "mo@example.com");
        GitCli.write(trunk, "nova/api/v2/server.py", edited(trunk, "nova/api/v2/server.py", 12, "trunk line 12"));
        String writer = git.commitAll(trunk, "api: change line 12", "Wri Ter", "wri@example.com");

        MergeReport report = MergeTrain.in(tmp.resolve("work4")).withClock(CLOCK)
                .trunk(RemoteBranch.parse(trunk + "#main"))
                .branches(List.of(RemoteBranch.parse(mover + "#mover"))).run();

        BranchReport b = report.branches().get(0);
        assertThat(b.status()).isEqualTo(MergeStatus.CONFLICT);
        assertThat(b.files()).containsExactly("nova/api/v2/server.py");
        assertThat(b.culprits()).extracting(Culprit::sha).containsExactly(writer);
    }

    @Test
    void reRunningAfterTheBranchWasMergedIsUpToDate() {
        git.run(trunk, "pull", "-q", "--no-rebase", "--no-edit", tmp.resolve("cells").toString(), "cells");
        MergeReport report = MergeTrain.in(tmp.resolve("work3")).withClock(CLOCK)
                .trunk(RemoteBranch.parse(trunk + "#main"))
                .branches(List.of(RemoteBranch.parse(tmp.resolve("cells") + "#cells")))
                .pushTo(RemoteBranch.parse(target + "#candidate")).run();
        assertThat(report.branches().get(0).status()).isEqualTo(MergeStatus.UP_TO_DATE);
        assertThat(report.pushedSha()).isEqualTo(git.run(trunk, "rev-parse", "HEAD"));
    }

    @Test
    void jsonReportCarriesTheBuildData() throws Exception {
        MergeReport report = train(ConflictPolicy.SKIP).run();

        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.get("buildId").asText()).isEqualTo("b-test-1");
        assertThat(json.get("createdAt").asText()).isEqualTo("2026-11-27T03:00:00Z");
        assertThat(json.at("/trunk/sha").asText()).isEqualTo(git.run(trunk, "rev-parse", "HEAD"));
        assertThat(json.at("/branches/1/status").asText()).isEqualTo("SKIPPED");
        assertThat(json.at("/branches/1/headSha").asText()).isEqualTo(git.run(tmp.resolve("quota"), "rev-parse", "HEAD"));
        assertThat(json.at("/branches/1/files/0").asText()).isEqualTo("nova/compute/manager.py");
        assertThat(json.at("/branches/1/culprits/0/sha").asText()).isEqualTo(culpritSha);
        assertThat(json.get("pushedRef").asText()).isEqualTo("refs/heads/candidate");
        assertThat(json.get("pushedSha").asText()).isEqualTo(git.run(target, "rev-parse", "candidate"));
        assertThat(report.toBuild().branches()).extracting(b -> b.sha())
                .containsExactly(report.branches().get(0).headSha(), report.branches().get(1).headSha(),
                        report.branches().get(2).headSha());
    }

    @Test
    void workRepositoryIsPackedWhenItGrowsAndStillWorks() throws Exception {
        MergeReport first = train(ConflictPolicy.SKIP).run();
        try (org.eclipse.jgit.lib.Repository repo = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .setGitDir(tmp.resolve("work/repo.git").toFile()).build()) {
            assertThat(WorkRepoHousekeeping.collectIfDue(repo, 0, 0)).isTrue();
            java.util.Properties stats = org.eclipse.jgit.api.Git.wrap(repo).gc().getStatistics();
            assertThat(WorkRepoHousekeeping.count(stats, "numberOfLooseObjects")).isZero();
            assertThat(WorkRepoHousekeeping.count(stats, "numberOfPackedObjects")).isPositive();
            assertThat(WorkRepoHousekeeping.collectIfDue(repo, 1000, 1000)).isFalse();
        }
        MergeReport second = train(ConflictPolicy.SKIP).run();
        assertThat(second.candidateSha()).isEqualTo(first.candidateSha());
        assertThat(git.run(target, "rev-parse", "candidate")).isEqualTo(second.candidateSha());
    }

    @Test
    void sameInputsGiveTheSameCandidate() {
        MergeReport first = train(ConflictPolicy.SKIP).run();
        MergeReport second = train(ConflictPolicy.SKIP).run();
        assertThat(second.candidateSha()).isEqualTo(first.candidateSha());
    }
}
