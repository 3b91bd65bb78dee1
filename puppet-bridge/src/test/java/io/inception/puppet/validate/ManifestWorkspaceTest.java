package io.inception.puppet.validate;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.pipeline.StageTypes;
import io.inception.engine.store.EngineJson;
import io.inception.puppet.ManifestFixtures;
import io.inception.puppet.config.PuppetConfig;
import io.inception.puppet.config.PuppetSection;
import io.inception.puppet.manifests.ManifestCommit;
import io.inception.puppet.manifests.ManifestSource;
import io.inception.puppet.manifests.ManifestTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest test's folder (what Puppet is given) and its report (what Puppet's results become). */
class ManifestWorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void theWorkspaceHoldsTheTreeEachRolesHieraAndNoRealSecret() throws Exception {
        EnvironmentFile env = ManifestFixtures.environment(ManifestFixtures.manifestRepo(dir), "qe-c1-001", "qe-ctl-1");
        PuppetConfig config = env.section(new PuppetSection()).orElseThrow();
        ManifestTree tree = new ManifestSource(dir.resolve("cache")).read(config, null, null, null);
        List<String> roles = ManifestWorkspace.roles(config, tree);
        assertThat(roles).as("the environment's roles first, then every other role class")
                .containsExactly("keystone", "nova_compute", "cell_mysql", "cell_rabbitmq", "glance", "nova_api", "nova_conductor",
                        "nova_scheduler", "xenserver_host");

        Path ws = dir.resolve("ws");
        ManifestWorkspace.write(ws, config, tree, roles, List.of("c1"), Map.of("inception::build::version", "1.0"));
        assertThat(ws.resolve("tree/manifests/site.pp")).hasSameTextualContentAs(ManifestFixtures.sampleManifests().resolve("manifests/site.pp"));
        assertThat(Files.readString(ws.resolve("roles.list"))).startsWith("keystone manifest-test-keystone\nnova_compute manifest-test-nova-compute\n");
        assertThat(Files.readString(ws.resolve("roles/nova_compute/inception/data/node.yaml")))
                .contains("- role::nova_compute", "inception::node::name: manifest-test-nova-compute", "inception::node::cell: c1");
        assertThat(Files.readString(ws.resolve("roles/keystone/inception/data/common.yaml"))).contains("inception::build::version: '1.0'");
        assertThat(Files.readString(ws.resolve("roles/keystone/inception/data/secrets.yaml")))
                .isEqualTo("---\ninception::secrets::rabbit_password: " + ManifestWorkspace.STAND_IN + "\n");
        assertThat(ws.resolve(ManifestWorkspace.SCRIPT)).content().contains("puppet parser validate", "--terminus compiler");
    }

    @Test
    void theResultsBecomeATypedReport() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("tree-root"), "/work/tree\n");
        Files.writeString(results.resolve("puppet-version"), "7.23.0\n");
        Files.writeString(results.resolve("validated"), "/work/tree/manifests/site.pp\n/work/tree/modules/role/manifests/bad.pp\n");
        Files.writeString(results.resolve("validate.log"), "");
        Files.writeString(results.resolve("validate.exit"), "0\n");
        Files.writeString(results.resolve("keystone.exit"), "0\n");
        Files.writeString(results.resolve("keystone.catalog.json"), "Notice: Compiled catalog for manifest-test-keystone in environment production in 5.59 seconds\n"
                + "{\"name\":\"n\",\"resources\":[{\"type\":\"Stage\"},{\"type\":\"Class\"},{\"type\":\"Package\"}]}");
        Files.writeString(results.resolve("nova_api.exit"), "0\n");
        Files.writeString(results.resolve("nova_api.catalog.json"), "Notice: Compiled catalog\n");
        Files.writeString(results.resolve("bad.exit"), "1\n");
        Files.writeString(results.resolve("bad.compile.log"), "Error: Evaluation Error: Unknown resource type: 'nosuch' "
                + "(file: /work/tree/modules/role/manifests/bad.pp, line: 3, column: 3) on node manifest-test-bad\n");
        ManifestTree tree = new ManifestTree(new ManifestCommit("repo", "main", "0123456789abcdef0123456789abcdef01234567", "puppet"), new java.util.TreeMap<>());

        ManifestTestReport report = ManifestWorkspace.read(results, tree, List.of("keystone", "nova_api", "bad", "glance"), "docker");

        assertThat(report.validated()).containsExactly("manifests/site.pp", "modules/role/manifests/bad.pp");
        assertThat(report.roles()).containsExactly(new RoleCompile("keystone", true, 3, null),
                new RoleCompile("nova_api", false, 0, new ManifestProblem(null, 0, 0, "puppet exited 0 but wrote no readable catalog")),
                new RoleCompile("bad", false, 0, new ManifestProblem("modules/role/manifests/bad.pp", 3, 3, "Evaluation Error: Unknown resource type: 'nosuch'")),
                new RoleCompile("glance", false, 0, new ManifestProblem(null, 0, 0, "not compiled: the test stopped before this role")));
        assertThat(report.passed()).isFalse();
        assertThat(report.line()).isEqualTo("2 manifest(s) parsed, 1/4 role(s) compiled @0123456789ab (docker, puppet 7.23.0)");
        assertThat(report.failures()).containsExactly(
                "role::nova_api: puppet exited 0 but wrote no readable catalog",
                "role::bad: modules/role/manifests/bad.pp:3:3: Evaluation Error: Unknown resource type: 'nosuch'",
                "role::glance: not compiled: the test stopped before this role");
        String json = EngineJson.write(report);
        assertThat(json).contains("\"manifestsCommit\":\"0123456789abcdef0123456789abcdef01234567\"");
        assertThat(EngineJson.read(json, ManifestTestReport.class)).isEqualTo(report);
    }

    @Test
    void aSyntaxErrorMeansNoRoleWasCompiled() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("tree-root"), "/w/tree\n");
        Files.writeString(results.resolve("validated"), "/w/tree/manifests/site.pp\n");
        Files.writeString(results.resolve("validate.log"), "Error: Could not parse for environment production: Syntax error at '}' "
                + "(file: /w/tree/manifests/site.pp, line: 1, column: 39)\n");
        Files.writeString(results.resolve("validate.exit"), "1\n");
        ManifestTree tree = new ManifestTree(new ManifestCommit("repo", "main", "0123456789abcdef0123456789abcdef01234567", ""), new java.util.TreeMap<>());

        ManifestTestReport report = ManifestWorkspace.read(results, tree, List.of("keystone"), "local-process");

        assertThat(report.roles()).isEmpty();
        assertThat(report.puppetVersion()).isEqualTo("unknown");
        assertThat(report.failures()).containsExactly("manifests/site.pp:1:39: Could not parse for environment production: Syntax error at '}'");
        assertThat(report.line()).isEqualTo("1 manifest(s) parsed (1 syntax error(s)), roles not compiled @0123456789ab (local-process, puppet unknown)");
    }

    @Test
    void validateKnowsTheStageTypeAndItsParameters() {
        var type = StageTypes.discover().find("puppet-validate").orElseThrow();
        assertThat(type.params()).extracting(p -> p.name()).containsExactly("ref", "version", "apt-source", "timeout");
    }

    @Test
    void theSampleManifestsAreAllGivenToTheValidator() throws Exception {
        EnvironmentFile env = ManifestFixtures.environment(ManifestFixtures.manifestRepo(dir), "qe-c1-001", "qe-ctl-1");
        ManifestTree tree = new ManifestSource(dir.resolve("cache")).read(env.section(new PuppetSection()).orElseThrow(), null, null, null);
        Path ws = dir.resolve("ws");
        ManifestWorkspace.write(ws, env.section(new PuppetSection()).orElseThrow(), tree, List.of(), List.of(), Map.of());
        try (Stream<Path> files = Files.walk(ws.resolve("tree"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".pp")).count()).isEqualTo(tree.manifests().size()).isGreaterThan(10);
        }
    }
}
