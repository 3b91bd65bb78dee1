package io.inception.engine.pipeline;

import io.inception.engine.config.BranchList;
import io.inception.engine.config.ParamType;
import io.inception.engine.config.ParamSpec;
import io.inception.engine.config.ConfigException;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.RetryPolicy;
import io.inception.engine.model.StageDef;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pipelines read through JGit at a ref: the text of that commit, and the commit recorded. */
class PipelineRepositoryTest {
    @TempDir
    Path tmp;

    private static final String V1 = """
            name: trunk-to-qe
            stages:
              - name: merge
                type: merge
                with: {on-conflict: fail, push: "https://git.example.com/nova.git#candidate"}
                timeout: 30m
                retry: {attempts: 3, backoff: 10s, max-backoff: 2m, jitter: 0.5}
              - name: unit-test
                type: unit-test
            """;

    private RevCommit commitPipeline(Git git, Path repo, String text, String message) throws Exception {
        GitFixtures.write(repo.resolve("environments/pipelines/trunk-to-qe.yaml"), text);
        return GitFixtures.commitAll(git, message);
    }

    @Test
    void readsThePipelineAtEachRefAndRecordsTheResolvedCommit() throws Exception {
        Path repo = tmp.resolve("config");
        RevCommit first;
        RevCommit second;
        try (Git git = GitFixtures.init(repo)) {
            first = commitPipeline(git, repo, V1, "pipeline v1");
            git.tag().setName("release-1").setObjectId(first).setAnnotated(true).setMessage("r1").setSigned(false).call();
            second = commitPipeline(git, repo, V1.replace("on-conflict: fail", "on-conflict: skip"), "skip conflicts");
        }
        // the working tree moves on without a commit: a ref must not see it
        GitFixtures.write(repo.resolve("environments/pipelines/trunk-to-qe.yaml"), "name: [broken");

        try (PipelineRepository pipelines = PipelineRepository.open(repo.toString(), tmp.resolve("cache"))) {
            PipelineDef atMain = pipelines.at("main").pipeline("trunk-to-qe");
            PipelineDef atTag = pipelines.at("release-1").pipeline("trunk-to-qe");
            PipelineDef atSha = pipelines.at(first.name().substring(0, 10)).pipeline("trunk-to-qe");

            assertThat(atMain.commit()).isEqualTo(second.name());
            assertThat(atMain.stages().get(0).params()).containsEntry("on-conflict", "skip");
            assertThat(atTag.commit()).isEqualTo(first.name());
            assertThat(atTag.stages().get(0).params()).containsEntry("on-conflict", "fail");
            assertThat(atSha.commit()).isEqualTo(first.name());
            assertThat(atMain.path()).isEqualTo("environments/pipelines/trunk-to-qe.yaml");
            assertThat(atMain.repo()).isEqualTo(repo.toString());

            StageDef merge = atTag.stages().get(0);
            assertThat(merge.type()).isEqualTo("merge");
            assertThat(merge.timeout()).isEqualTo(Duration.ofMinutes(30));
            assertThat(merge.retry()).isEqualTo(new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(2), 0.5));
            assertThat(merge.params()).containsEntry("branches-file", "environments/branches.yaml")
                    .containsEntry("push", "https://git.example.com/nova.git#candidate");
            assertThat(merge.source()).isEqualTo("environments/pipelines/trunk-to-qe.yaml:3");
            StageDef unitTest = atTag.stages().get(1);
            // defaults fill in; the timeout has none: it falls back to branches.yaml's test.timeout at run time
            assertThat(unitTest.params()).containsEntry("branches-file", "environments/branches.yaml")
                    .doesNotContainKey("timeout");
            assertThat(unitTest.retry()).isEqualTo(RetryPolicy.NONE);
            assertThat(unitTest.timeout()).isNull();

            assertThat(pipelines.at("main").pipelineNames()).containsExactly("trunk-to-qe");
            // the working tree has the broken text: every error is reported with file and line
            assertThatThrownBy(() -> pipelines.workingTree().pipeline("trunk-to-qe"))
                    .isInstanceOf(ConfigException.class)
                    .satisfies(e -> assertThat(((ConfigException) e).errors().get(0).format())
                            .startsWith(repo.resolve("environments/pipelines/trunk-to-qe.yaml") + ":1:"));
        }
    }

    @Test
    void aRepositoryMadeByTheGitCliIsReadToo() throws Exception {
        Path repo = tmp.resolve("cli");
        GitFixtures.write(repo.resolve("pipelines/trunk-to-qe.yaml"), V1);
        git(repo, "init", "-q", "-b", "main");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "pipeline");
        git(repo, "tag", "-a", "v1", "-m", "v1");
        String head = new String(new ProcessBuilder("git", "rev-parse", "HEAD").directory(repo.toFile())
                .start().getInputStream().readAllBytes()).trim();

        try (PipelineRepository pipelines = PipelineRepository.open(repo.toString(), tmp.resolve("cache"))) {
            PipelineDef def = pipelines.at("v1").pipeline("trunk-to-qe");
            assertThat(def.commit()).isEqualTo(head);
            assertThat(def.path()).isEqualTo("pipelines/trunk-to-qe.yaml");
        }
    }

    @Test
    void aRemoteUrlIsMirroredAndFetchedAgainOnTheNextOpen() throws Exception {
        Path repo = tmp.resolve("origin");
        RevCommit second;
        try (Git git = GitFixtures.init(repo)) {
            commitPipeline(git, repo, V1, "v1");
        }
        String url = repo.toUri().toString(); // file:///..., through JGit's transport
        try (PipelineRepository pipelines = PipelineRepository.open(url, tmp.resolve("cache"))) {
            assertThat(pipelines.at("main").pipeline("trunk-to-qe").stages()).hasSize(2);
        }
        try (Git git = Git.open(repo.toFile())) {
            second = commitPipeline(git, repo, V1.replace("timeout: 30m", "timeout: 45m"), "longer");
        }
        try (PipelineRepository pipelines = PipelineRepository.open(url, tmp.resolve("cache"))) {
            PipelineDef def = pipelines.at("main").pipeline("trunk-to-qe");
            assertThat(def.commit()).isEqualTo(second.name());
            assertThat(def.stages().get(0).timeout()).isEqualTo(Duration.ofMinutes(45));
        }
    }

    @Test
    void readsBranchListAndEnvironmentsFromTheSameCommit() throws Exception {
        Path repo = tmp.resolve("config");
        try (Git git = GitFixtures.init(repo)) {
            GitFixtures.copyTree(Path.of("../environments").toAbsolutePath().normalize(), repo.resolve("environments"));
            GitFixtures.commitAll(git, "environments");
        }
        try (PipelineRepository pipelines = PipelineRepository.open(repo.toString(), tmp.resolve("cache"))) {
            PipelineSnapshot snap = pipelines.at("main");
            BranchList branches = snap.branches();
            assertThat(branches.trunk().ref()).isEqualTo("https://git.example.com/openstack/nova.git#master");
            assertThat(branches.source()).isEqualTo("environments/branches.yaml");
            EnvironmentFile qe = snap.environment("qe");
            assertThat(qe.hosts()).hasSize(200);
            assertThat(qe.toEnvironment().name()).isEqualTo("qe");
            // the shipped pipeline also uses other modules' stage types (packaging, puppet-bridge, inova-provisioner,
            // smoke-tests), which the engine does not know
            StageTypes withPackage = StageTypes.builtIn().with(StageType.of("package", "declared by packaging",
                    ParamSpec.optional("point", ParamType.STRING))).with(StageType.of("puppet-validate", "declared by puppet-bridge"))
                    .with(StageType.of("provision", "declared by inova-provisioner"))
                    .with(StageType.of("puppet", "declared by puppet-bridge", ParamSpec.optional("hosts", ParamType.STRING)))
                    .with(StageType.of("smoke", "declared by smoke-tests"))
                    .with(io.inception.engine.rollout.RolloutStageType.ROLLOUT);
            var report = new Validator(withPackage, TemplateLookup.NONE).validate(snap);
            assertThat(report.summary()).as(report.errors().toString())
                    .isEqualTo("ok: 6 files, 0 errors at " + snap.commit().substring(0, 12));
            assertThat(new Validator(StageTypes.builtIn(), TemplateLookup.NONE).validate(snap).errors())
                    .extracting(e -> e.message()).anySatisfy(m -> assertThat(m).contains("unknown stage type 'package'"))
                    .anySatisfy(m -> assertThat(m).contains("unknown stage type 'puppet-validate'"));
        }
    }

    @Test
    void aPlainDirectoryHasNoCommit() throws Exception {
        Path dir = tmp.resolve("plain");
        GitFixtures.write(dir.resolve("pipelines/trunk-to-qe.yaml"), V1);
        try (PipelineRepository pipelines = PipelineRepository.directory(dir)) {
            PipelineDef def = pipelines.workingTree().pipeline("trunk-to-qe");
            assertThat(def.commit()).isNull();
            assertThat(def.stages()).extracting(StageDef::name).containsExactly("merge", "unit-test");
            assertThatThrownBy(() -> pipelines.at("main")).isInstanceOf(PipelineSourceException.class)
                    .hasMessageContaining("plain directory");
        }
    }

    @Test
    void missingRefsPipelinesAndRepositoriesAreClearErrors() throws Exception {
        Path repo = tmp.resolve("config");
        try (Git git = GitFixtures.init(repo)) {
            commitPipeline(git, repo, V1, "v1");
        }
        try (PipelineRepository pipelines = PipelineRepository.open(repo.toString(), tmp.resolve("cache"))) {
            assertThatThrownBy(() -> pipelines.at("no-such-branch")).isInstanceOf(PipelineSourceException.class)
                    .hasMessageContaining("ref 'no-such-branch' not found");
            assertThatThrownBy(() -> pipelines.at("main").pipeline("lab"))
                    .isInstanceOf(PipelineSourceException.class).hasMessageContaining("no pipeline 'lab'")
                    .hasMessageContaining("known: trunk-to-qe");
        }
        Path notGit = Files.createDirectories(tmp.resolve("not-git"));
        assertThatThrownBy(() -> PipelineRepository.open(notGit.toString(), tmp.resolve("cache")))
                .isInstanceOf(PipelineSourceException.class).hasMessageContaining("not a git repository");
        assertThatThrownBy(() -> PipelineRepository.open("https://bot:hunter2@git.example.com/x.git", tmp.resolve("cache")))
                .isInstanceOf(PipelineSourceException.class)
                .hasMessageContaining("https://***@git.example.com/x.git").hasMessageNotContaining("hunter2");
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
