package io.inception.engine.pipeline;

import io.inception.engine.config.ConfigError;
import io.inception.engine.config.ParamSpec;
import io.inception.engine.config.ParamType;
import io.inception.engine.model.StageDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stage-type catalogue: built-in types, types registered in code, and types from providers. */
class StageTypesTest {
    @TempDir
    Path tmp;

    @Test
    void builtInTypesDeclareTheirParametersAndDefaults() {
        StageTypes types = StageTypes.builtIn();
        assertThat(types.names()).containsExactly("merge", "unit-test");
        StageType merge = types.find("merge").orElseThrow();
        assertThat(merge.param("on-conflict").orElseThrow().values()).containsExactly("fail", "skip");
        assertThat(merge.param("on-conflict").orElseThrow().defaultValue()).isEqualTo("skip");
        assertThat(merge.param("branches-file").orElseThrow().defaultValue()).isEqualTo("environments/branches.yaml");
        assertThat(merge.param("push").orElseThrow().required()).isFalse();
        assertThat(types.find("unit-test").orElseThrow().param("timeout").orElseThrow().defaultValue())
                .isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void aTypeRegisteredInCodeIsAcceptedAndCheckedWithoutTouchingTheParser() throws Exception {
        StageTypes types = StageTypes.builtIn().with(StageType.of("rollout", "roll nova-compute over the hosts",
                ParamSpec.required("environment", ParamType.STRING),
                ParamSpec.optional("wave-pause", ParamType.DURATION),
                ParamSpec.optional("hosts", ParamType.LIST),
                ParamSpec.optional("dry-run", ParamType.BOOL).withDefault(false),
                ParamSpec.optional("parallel", ParamType.INT).withDefault(10L)));
        Path dir = tmp.resolve("cfg");
        GitFixtures.write(dir.resolve("pipelines/deploy.yaml"), """
                name: deploy
                stages:
                  - name: rollout
                    type: rollout
                    with: {environment: qe, wave-pause: 5m, hosts: [a, b]}
                """);
        try (PipelineRepository repo = PipelineRepository.directory(dir).withStageTypes(types)) {
            StageDef stage = repo.workingTree().pipeline("deploy").stages().get(0);
            assertThat(stage.params()).containsEntry("environment", "qe")
                    .containsEntry("wave-pause", Duration.ofMinutes(5)).containsEntry("hosts", List.of("a", "b"))
                    .containsEntry("dry-run", false).containsEntry("parallel", 10L);
        }
        GitFixtures.write(dir.resolve("pipelines/deploy.yaml"), """
                name: deploy
                stages:
                  - name: rollout
                    type: rollout
                    with: {parallel: many}
                """);
        ValidationReport report = new Validator(types, TemplateLookup.NONE).validatePath(dir);
        assertThat(report.errors()).extracting(e -> e.line() + ":" + e.column() + ": " + e.field() + ": " + e.message())
                .containsExactly(
                        "5:11: stages[0].with.environment: missing required parameter 'environment' (string) of stage type 'rollout'",
                        "5:22: stages[0].with.parallel: expected an integer, got a string 'many'");
        // without the registration the same file names the unknown type
        assertThat(new Validator(StageTypes.builtIn(), TemplateLookup.NONE).validatePath(dir).errors())
                .extracting(ConfigError::message)
                .containsExactly("unknown stage type 'rollout'; known types: merge, unit-test");
    }

    @Test
    void providersOnTheClassPathAreDiscovered() {
        StageTypes types = StageTypes.discover();
        assertThat(types.names()).contains("merge", "unit-test", "test-echo");
        assertThat(types.find("test-echo").orElseThrow().param("message").orElseThrow().required()).isTrue();
    }

    @Test
    void registeringATypeTwiceIsABug() {
        assertThatThrownBy(() -> StageTypes.builtIn().with(StageTypes.MERGE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'merge' is registered twice");
    }
}
