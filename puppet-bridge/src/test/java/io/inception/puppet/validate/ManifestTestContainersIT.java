package io.inception.puppet.validate;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.StageDef;
import io.inception.engine.store.EngineJson;
import io.inception.engine.unittest.TestCommandRunner;
import io.inception.packaging.build.ProjectImage;
import io.inception.packaging.build.UnitTestRunners;
import io.inception.puppet.ManifestFixtures;
import io.inception.puppet.MemoryStageContext;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code puppet-validate} stage against Debian's Puppet 7 in throwaway containers of the
 * project's image (the unit-test stage's Docker runner, as {@code app} wires it): the sample
 * manifests parse and every role compiles; a syntax error and a role that does not compile fail the
 * stage with the file, line and Puppet's message.
 */
class ManifestTestContainersIT {
    @TempDir
    static Path dir;
    static TestCommandRunner runner;

    @BeforeAll
    static void runner() {
        runner = UnitTestRunners.choose("docker", null, ProjectImage.findRepositoryRoot(Path.of("")));
    }

    @Test
    void theSampleManifestsParseAndEveryRoleCompiles() throws Exception {
        Path repo = ManifestFixtures.manifestRepo(dir.resolve("good"));
        MemoryStageContext context = context("run-good");
        var result = context.runToEnd(stage(repo, "good"), Duration.ofMinutes(20));

        assertThat(result).as(context.logs.toString()).isInstanceOf(io.inception.engine.stage.StageResult.Succeeded.class);
        ManifestTestReport report = (ManifestTestReport) ((io.inception.engine.stage.StageResult.Succeeded) result).output();
        assertThat(report.runner()).isEqualTo("docker");
        assertThat(report.puppetVersion()).startsWith("7.");
        assertThat(report.manifests().commit()).isEqualTo(head(repo));
        assertThat(report.validated()).hasSize(sampleManifestCount()).contains("manifests/site.pp",
                "modules/inception/manifests/init.pp", "modules/role/manifests/nova_compute.pp");
        assertThat(report.syntaxErrors()).isEmpty();
        assertThat(report.roles()).extracting(RoleCompile::role).containsExactly("keystone", "nova_compute", "cell_mysql",
                "cell_rabbitmq", "glance", "nova_api", "nova_conductor", "nova_scheduler", "xenserver_host");
        assertThat(report.roles()).allSatisfy(r -> {
            assertThat(r.compiled()).as(r.role() + ": " + r.problem()).isTrue();
            assertThat(r.resources()).as(r.role()).isGreaterThan(3);
        });
        assertThat(EngineJson.write(report)).contains("\"manifestsCommit\":\"" + head(repo) + "\"")
                .doesNotContain("manifest-test-stand-in");
        assertThat(Files.readString(dir.resolve("artifacts-run-good/manifest-test.log"))).contains("role::xenserver_host: catalog compile exit 0");
        assertThat(dir.resolve("work/manifest-test")).isEmptyDirectory();
    }

    @Test
    void aSyntaxErrorFailsTheStageWithItsFileAndLine() throws Exception {
        Path repo = ManifestFixtures.manifestRepo(dir.resolve("syntax"));
        commit(repo, "puppet/modules/role/manifests/broken.pp", "class role::broken {\n  file { '/x': ensure => }\n}\n");
        MemoryStageContext context = context("run-syntax");
        var result = context.runToEnd(stage(repo, "syntax"), Duration.ofMinutes(20));

        assertThat(result).isInstanceOf(io.inception.engine.stage.StageResult.Failed.class);
        String reason = ((io.inception.engine.stage.StageResult.Failed) result).reason();
        assertThat(reason).contains("modules/role/manifests/broken.pp:2:26: Could not parse for environment production: Syntax error at '}'")
                .contains("1 syntax error(s)").contains("roles not compiled");
        assertThat(context.logs).anyMatch(l -> l.startsWith("modules/role/manifests/broken.pp:2:26: "));
        assertThat(Files.readString(dir.resolve("artifacts-run-syntax/manifest-test.json")))
                .contains("\"syntaxErrors\":[{\"file\":\"modules/role/manifests/broken.pp\",\"line\":2,\"column\":26,");
    }

    @Test
    void aRoleThatDoesNotCompileFailsTheStageNamingTheRoleFileLineAndMessage() throws Exception {
        Path repo = ManifestFixtures.manifestRepo(dir.resolve("compile"));
        commit(repo, "puppet/modules/role/manifests/monitoring.pp", "class role::monitoring {\n  include inception\n  include no_such_module\n}\n");
        MemoryStageContext context = context("run-compile");
        var result = context.runToEnd(stage(repo, "compile"), Duration.ofMinutes(20));

        assertThat(result).isInstanceOf(io.inception.engine.stage.StageResult.Failed.class);
        String reason = ((io.inception.engine.stage.StageResult.Failed) result).reason();
        assertThat(reason).contains("9/10 role(s) compiled")
                .contains("role::monitoring: modules/role/manifests/monitoring.pp:3:3: ")
                .contains("Could not find class ::no_such_module");
    }

    private static ManifestTestStage stage(Path repo, String name) {
        EnvironmentFile env = ManifestFixtures.environment(repo, "qe-c1-001", "qe-ctl-1");
        return new ManifestTestStage(dir.resolve("work"), runner, dir.resolve("cache-" + name), e -> Optional.of(env), Clock.systemUTC());
    }

    private static MemoryStageContext context(String runId) {
        StageDef def = new StageDef("manifest-test", "puppet-validate", Map.of(), Duration.ofMinutes(30), null, "test");
        return new MemoryStageContext(runId, def, new PipelineDef("trunk-to-qe", List.of(def), null, null, null), dir.resolve("artifacts-" + runId));
    }

    private static int sampleManifestCount() throws Exception {
        try (Stream<Path> files = Files.walk(ManifestFixtures.sampleManifests())) {
            return (int) files.filter(f -> f.toString().endsWith(".pp")).count();
        }
    }

    static String head(Path repo) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            return git.getRepository().resolve("HEAD").name();
        }
    }

    static void commit(Path repo, String path, String content) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        try (Git git = Git.open(repo.toFile())) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("change " + path).setAuthor("t", "t@example.invalid").setCommitter("t", "t@example.invalid").call();
        }
    }
}
