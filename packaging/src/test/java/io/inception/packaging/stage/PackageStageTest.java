package io.inception.packaging.stage;

import io.inception.engine.model.Build;
import io.inception.engine.model.BranchHead;
import io.inception.engine.model.Environment;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.StageDef;
import io.inception.engine.stage.ArtifactStore;
import io.inception.engine.stage.Cancellation;
import io.inception.engine.stage.CheckpointStore;
import io.inception.engine.stage.Parameters;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageLog;
import io.inception.engine.stage.StageResult;
import io.inception.packaging.Packaging;
import io.inception.packaging.apt.AptSnapshot;
import io.inception.packaging.signing.Secret;
import io.inception.packaging.testing.SampleTree;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PackageStageTest {
    @TempDir
    Path dir;

    @Test
    void packagesTheBuildsCandidatePublishesItsSnapshotAndPointsTheSuite() throws Exception {
        Path repo = SampleTree.write(Files.createDirectories(dir.resolve("candidate")), "27.2.0", 4);
        String sha;
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern(".").call();
            RevCommit c = git.commit().setMessage("candidate").setAuthor("T", "t@x").setCommitter("T", "t@x").call();
            sha = c.name();
        }
        Build build = new Build("b-7", new BranchHead("trunk", repo.toString(), "master", sha, "MERGED"), List.of(),
                sha, repo.toUri().toString(), Instant.parse("2026-11-27T02:15:00Z"));
        Packaging packaging = Packaging.at(dir.resolve("apt"), dir.resolve("keys"), Clock.systemUTC(), Secret.none());
        PackageStage stage = new PackageStage(packaging, SampleTree.specsDirectory(), dir.resolve("work"));
        FakeContext ctx = new FakeContext(build, Map.of("point", "qe"), dir.resolve("artifacts"));

        StageResult r = stage.execute(ctx);
        assertThat(r).isInstanceOf(StageResult.Succeeded.class);
        PackageReport report = (PackageReport) ((StageResult.Succeeded) r).output();
        assertThat(report.version()).isEqualTo("27.2.0+git202611270215." + sha.substring(0, 7) + "-1");
        assertThat(report.packages()).extracting(PackageReport.PackageRecord::name)
                .containsExactly("nova-api", "nova-common", "nova-compute");
        assertThat(report.packages()).allSatisfy(p -> assertThat(p.sha256()).hasSize(64));
        assertThat(report.distribution()).isEqualTo("builds/b-7");
        assertThat(packaging.repository().pointers().get("qe").buildId()).isEqualTo("b-7");
        assertThat(dir.resolve("work")).isEmptyDirectory();

        // resumed after a crash: the checkpoint answers; a fresh attempt republishes identical bytes
        assertThat(((StageResult.Succeeded) stage.execute(ctx)).output()).isEqualTo(report);
        FakeContext retry = new FakeContext(build, Map.of(), dir.resolve("artifacts2"));
        assertThat(stage.execute(retry)).isInstanceOf(StageResult.Succeeded.class);
        assertThat(packaging.repository().snapshots()).extracting(AptSnapshot::buildId).containsExactly("b-7");
    }

    @Test
    void withoutAPushedCandidateItFailsSayingWhy() throws Exception {
        Packaging packaging = Packaging.at(dir.resolve("apt"), dir.resolve("keys"), Clock.systemUTC(), Secret.none());
        FakeContext ctx = new FakeContext(null, Map.of(), dir.resolve("a"));
        StageResult r = new PackageStage(packaging, SampleTree.specsDirectory(), dir.resolve("work")).execute(ctx);
        assertThat(r).isInstanceOfSatisfying(StageResult.Failed.class,
                f -> assertThat(f.reason()).contains("no pushed candidate"));
    }

    @Test
    void theStageTypeDeclaresItsParameters() {
        // registered by the app (ServiceLoader line or StageTypes.builtIn().with(PACKAGE)), not by this module
        var types = io.inception.engine.pipeline.StageTypes.builtIn().with(PackagingStageTypes.PACKAGE);
        assertThat(types.find("package")).contains(PackagingStageTypes.PACKAGE);
        assertThat(new PackagingStageTypes().stageTypes()).containsExactly(PackagingStageTypes.PACKAGE);
        assertThat(PackagingStageTypes.PACKAGE.paramNames()).containsExactly("specs", "upstream-file", "revision", "point");
    }

    /** A minimal stage context backed by maps and folders. */
    static final class FakeContext implements StageContext {
        private final Build build;
        private final Map<String, Object> params;
        private final Path artifacts;
        private final Map<String, String> checkpoints = new HashMap<>();
        final List<String> log = new ArrayList<>();

        FakeContext(Build build, Map<String, Object> params, Path artifacts) {
            this.build = build;
            this.params = params;
            this.artifacts = artifacts;
        }

        @Override public String runId() { return "r-1"; }
        @Override public PipelineDef pipeline() { return new PipelineDef("p", List.of(), null, null, null); }
        @Override public StageDef stage() { return new StageDef("package", "package", params, null, null, null); }
        @Override public int attempt() { return 1; }
        @Override public Parameters params() { return new Parameters("package", params); }
        @Override public Optional<Build> build() { return Optional.ofNullable(build); }
        @Override public void bindBuild(Build b) { throw new UnsupportedOperationException(); }
        @Override public Environment environment() { return Environment.named("qe"); }
        @Override public <T> Optional<T> output(String stageName, Class<T> type) { return Optional.empty(); }
        @Override public StageLog log() {
            return new StageLog() {
                @Override public void info(String m) { log.add(m); }
                @Override public void warn(String m) { log.add(m); }
                @Override public void error(String m) { log.add(m); }
            };
        }
        @Override public ArtifactStore artifacts() {
            return new ArtifactStore() {
                @Override public Path directory() throws IOException { return Files.createDirectories(artifacts); }
                @Override public Path put(String name, Path file) throws IOException {
                    return Files.copy(file, directory().resolve(name));
                }
                @Override public List<Path> list() { return List.of(); }
            };
        }
        @Override public CheckpointStore checkpoints() {
            return new CheckpointStore() {
                @Override public Optional<String> get(String key) { return Optional.ofNullable(checkpoints.get(key)); }
                @Override public void put(String key, String value) { checkpoints.put(key, value); }
                @Override public void remove(String key) { checkpoints.remove(key); }
                @Override public Map<String, String> all() { return Map.copyOf(checkpoints); }
            };
        }
        @Override public Cancellation cancellation() { return () -> false; }
    }
}
