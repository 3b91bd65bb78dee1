package io.inception.app;

import io.inception.engine.pipeline.PipelineRepository;
import io.inception.engine.pipeline.StageTypes;
import io.inception.engine.pipeline.TemplateLookup;
import io.inception.engine.pipeline.ValidationReport;
import io.inception.engine.pipeline.Validator;

import io.inception.engine.config.BranchList;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.config.Quantity;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.StageDef;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's own environments/ folder validates clean, against the stage types of every module
 * (as the app assembles them), and loads into the records the engine uses.
 */
class ShippedEnvironmentsTest {
    private static final Path ENVIRONMENTS = Path.of("../environments");

    @Test
    void validatesClean() {
        ValidationReport report = new Validator(StageTypes.discover(), TemplateLookup.NONE).validatePath(ENVIRONMENTS);
        assertThat(report.errors()).isEmpty();
        assertThat(report.files()).containsExactlyInAnyOrder("../environments/branches.yaml",
                "../environments/environments/local.yaml", "../environments/environments/qe.yaml",
                "../environments/environments/staging.yaml", "../environments/pipelines/trunk-to-qe.yaml",
                "../environments/triggers.yaml", "../environments/labs/nested-3.yaml",
                "../environments/labs/single-host.yaml");
        assertThat(report.summary()).isEqualTo("ok: 8 files, 0 errors");
    }

    @Test
    void trunkToQeMergesTestsAndPackagesThenDeploysQeAndSmokeTestsIt() {
        try (PipelineRepository repo = PipelineRepository.directory(ENVIRONMENTS)) {
            PipelineDef def = repo.workingTree().pipeline("trunk-to-qe");
            assertThat(def.stages()).extracting(StageDef::type).containsExactly("merge", "unit-test", "puppet-validate",
                    "package", "provision", "puppet", "rollout", "smoke");
            assertThat(def.stages().get(5).params()).containsEntry("hosts", "control");
            assertThat(def.stages().get(3).params()).containsEntry("point", "qe");
            assertThat(def.stages().get(0).params()).containsEntry("on-conflict", "skip");
            assertThat(def.stages().get(0).retry().maxAttempts()).isEqualTo(3);
        }
    }

    @Test
    void branchListDrivesTheMergeTrainAndTheUnitTests() {
        BranchList list = BranchList.load(ENVIRONMENTS.resolve("branches.yaml"));
        assertThat(list.trunk().url()).isEqualTo("https://git.example.com/openstack/nova.git");
        assertThat(list.trunk().branch()).isEqualTo("master");
        assertThat(list.branches()).extracting(b -> b.name()).containsExactly("xenapi-live-migration",
                "cells-scheduler-fixes", "nova-compute-agent");
        assertThat(list.branches().get(2).url()).isEqualTo("ssh://git@git.example.com/rackspace/nova-agent.git");
        assertThat(list.test().command()).isEqualTo("tox -e py3");
        assertThat(list.test().junit()).isEqualTo("**/junit-*.xml");
        assertThat(list.test().timeout()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void qeHasTwoCellsOfAHundredHostsAndAWavePlan() {
        EnvironmentFile qe = EnvironmentFile.load(ENVIRONMENTS.resolve("environments/qe.yaml"));
        assertThat(qe.cells()).hasSize(2);
        assertThat(qe.hosts()).hasSize(200);
        assertThat(qe.hosts().get(0)).isEqualTo(new EnvironmentFile.Host("qe-c1-001", "c1"));
        assertThat(qe.hosts().get(199)).isEqualTo(new EnvironmentFile.Host("qe-c2-100", "c2"));
        assertThat(qe.waves()).extracting(w -> w.size().toString()).containsExactly("1", "10%", "50%", "rest");
        assertThat(qe.waves().get(0).pause()).isEqualTo(Duration.ofMinutes(5));
        assertThat(qe.failureBudget().maxFailed()).isEqualTo(new Quantity(Quantity.Kind.PERCENT, 2));
        assertThat(qe.failureBudget().maxFailed().of(200, 200)).isEqualTo(4);
        assertThat(qe.credentials().get("inova-password").reference()).isEqualTo("INCEPTION_QE_INOVA_PASSWORD");
        assertThat(qe.toEnvironment().name()).isEqualTo("qe");
        assertThat(qe.toEnvironment().source()).endsWith("environments/qe.yaml");
        assertThat(EnvironmentFile.load(ENVIRONMENTS.resolve("environments/local.yaml")).hosts())
                .extracting(EnvironmentFile.Host::name).containsExactly("sandbox-1", "sandbox-2", "sandbox-3", "sandbox-4");
        assertThat(EnvironmentFile.load(ENVIRONMENTS.resolve("environments/staging.yaml")).hosts()).hasSize(80);
    }

    @Test
    void aBadLabTemplateIsReportedByTheModuleThatOwnsLabs(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("labs/bad.yaml");
        java.nio.file.Files.createDirectories(bad.getParent());
        java.nio.file.Files.writeString(bad, "name: bad\npools: [sandbox]\nhosts: {count: many}\n");
        ValidationReport report = new Validator(StageTypes.discover(), TemplateLookup.NONE).validatePath(tmp);
        assertThat(report.errors()).extracting(e -> e.format())
                .anySatisfy(line -> assertThat(line).contains("labs/bad.yaml:3:", "hosts.count"));
        assertThat(report.ok()).isFalse();
    }
}
