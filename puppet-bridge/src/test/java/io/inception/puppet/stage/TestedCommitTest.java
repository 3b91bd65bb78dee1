package io.inception.puppet.stage;

import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.StageDef;
import io.inception.puppet.MemoryStageContext;
import io.inception.puppet.manifests.ManifestCommit;
import io.inception.puppet.validate.ManifestTestReport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The puppet stage applies the manifest commit its run's puppet-validate stage tested. */
class TestedCommitTest {
    static final String TESTED = "1111111111111111111111111111111111111111";

    @Test
    void theCommitOfTheEarlierManifestTestIsTheOneApplied() {
        StageDef test = new StageDef("manifest-test", "puppet-validate", Map.of(), Duration.ofMinutes(30), null, "p.yaml:10");
        StageDef configure = new StageDef("configure", "puppet", Map.of(), Duration.ofMinutes(30), null, "p.yaml:20");
        MemoryStageContext context = new MemoryStageContext("run-1", configure,
                new PipelineDef("trunk-to-qe", List.of(test, configure), null, null, null), Path.of("unused"));
        assertThat(PuppetStage.testedCommit(context)).as("not tested yet").isNull();

        context.outputs.put("manifest-test", new ManifestTestReport(new ManifestCommit("repo", "main", TESTED, "puppet"),
                "docker", "7.23.0", List.of("manifests/site.pp"), List.of(), List.of()));
        assertThat(PuppetStage.testedCommit(context)).isEqualTo(TESTED);
    }

    @Test
    void aManifestTestAfterThePuppetStageOrInAnotherPipelineIsNotUsed() {
        StageDef configure = new StageDef("configure", "puppet", Map.of(), Duration.ofMinutes(30), null, "p.yaml:20");
        StageDef later = new StageDef("manifest-test", "puppet-validate", Map.of(), Duration.ofMinutes(30), null, "p.yaml:30");
        MemoryStageContext context = new MemoryStageContext("run-1", configure,
                new PipelineDef("trunk-to-qe", List.of(configure, later), null, null, null), Path.of("unused"));
        context.outputs.put("manifest-test", new ManifestTestReport(new ManifestCommit("repo", "main", TESTED, "puppet"),
                "docker", "7.23.0", List.of(), List.of(), List.of()));
        assertThat(PuppetStage.testedCommit(context)).isNull();
    }
}
