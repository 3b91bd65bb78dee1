package io.inception.puppet.validate;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.StageDef;
import io.inception.engine.stage.StageResult;
import io.inception.engine.unittest.LocalProcessRunner;
import io.inception.puppet.MemoryStageContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The puppet-validate stage's answers that need no Puppet. */
class ManifestTestStageTest {
    @TempDir
    Path dir;

    @Test
    void anEnvironmentWithoutManifestsHasNothingToTestAndSaysSo() throws Exception {
        EnvironmentFile env = EnvironmentFile.parse("name: local\ncells:\n  - name: c1\n    hosts: [h1]\n", "local.yaml").orElseThrow();
        ManifestTestStage stage = new ManifestTestStage(dir.resolve("work"), new LocalProcessRunner(), dir.resolve("cache"),
                e -> Optional.of(env), Clock.systemUTC());
        StageResult result = context().runToEnd(stage, Duration.ofSeconds(10));
        assertThat(result).isEqualTo(StageResult.succeeded("environment qe has no puppet: section: no manifests to test"));
    }

    @Test
    void anUnknownEnvironmentFailsTheStage() throws Exception {
        ManifestTestStage stage = new ManifestTestStage(dir.resolve("work"), new LocalProcessRunner(), dir.resolve("cache"),
                e -> Optional.empty(), Clock.systemUTC());
        assertThat(context().runToEnd(stage, Duration.ofSeconds(10)))
                .isEqualTo(StageResult.Failed.permanent("puppet-validate: no environment file for qe"));
    }

    private MemoryStageContext context() {
        StageDef def = new StageDef("manifest-test", "puppet-validate", Map.of(), Duration.ofMinutes(30), null, "test");
        return new MemoryStageContext("run-1", def, new PipelineDef("p", List.of(def), null, null, null), dir.resolve("artifacts"));
    }
}
