package io.inception.engine.pipeline;

import io.inception.engine.config.ConfigError;
import io.inception.engine.config.ConfigException;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.RetryPolicy;
import io.inception.engine.model.StageDef;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stages from pipeline libraries: templates read through JGit at the ref the stage names. */
class PipelineLibraryTest {
    @TempDir
    Path tmp;
    private RevCommit v1;
    private Path library;
    private Path config;

    @BeforeEach
    void libraryAndConfigRepositories() throws Exception {
        library = tmp.resolve("library");
        v1 = GitFixtures.library(library);
        config = tmp.resolve("config");
    }

    private PipelineDef load(String libraryUrl, String stages) throws Exception {
        try (Git git = GitFixtures.init(config)) {
            GitFixtures.write(config.resolve("pipelines/p.yaml"), "name: p\nlibraries:\n  common:\n    url: "
                    + libraryUrl + "\nstages:\n" + stages);
            GitFixtures.commitAll(git, "pipeline");
        }
        try (PipelineRepository repo = PipelineRepository.open(config.toString(), tmp.resolve("cache"))) {
            return repo.at("main").pipeline("p");
        }
    }

    @Test
    void aTemplateAtATagBecomesATypedStageRecordingTheLibraryCommit() throws Exception {
        PipelineDef def = load("../../library", """
                  - name: tests
                    uses: common/unit-test@v1
                    with: {level: full}
                """);
        StageDef stage = def.stages().get(0);
        assertThat(stage.name()).isEqualTo("tests");
        assertThat(stage.type()).isEqualTo("unit-test");
        assertThat(stage.source()).isEqualTo("common/unit-test@" + v1.name());
        assertThat(stage.params()).containsEntry("timeout", Duration.ofMinutes(20)); // v1's default
        assertThat(stage.timeout()).isEqualTo(Duration.ofHours(1));
        assertThat(stage.retry()).isEqualTo(new RetryPolicy(2, Duration.ofSeconds(30), Duration.ofMinutes(5), 0));
    }

    @Test
    void aStageIsBoundToTheZoneItNamesAndAStageUsingATemplateMayNameOne() throws Exception {
        PipelineDef def = load("../../library", """
                  - name: tests
                    uses: common/unit-test@v1
                    with: {level: full}
                    zone: c2
                  - name: merge
                    type: merge
                    zone: dfw.c1
                  - name: anywhere
                    type: merge
                """);
        assertThat(def.stages()).extracting(StageDef::name, StageDef::zone).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tests", "c2"),
                org.assertj.core.groups.Tuple.tuple("merge", "dfw.c1"),
                org.assertj.core.groups.Tuple.tuple("anywhere", null));
    }

    @Test
    void theRefDecidesWhichTemplateTextIsUsedBranchOrSha() throws Exception {
        String head;
        try (Git git = Git.open(library.toFile())) {
            head = git.getRepository().resolve("main").name();
        }
        PipelineDef def = load(library.toString(), """
                  - name: at-main
                    uses: common/unit-test@main
                    with: {level: fast}
                  - name: at-sha
                    uses: common/unit-test@%s
                    with: {level: fast, timeout: 7m}
                """.formatted(v1.name().substring(0, 12)));
        assertThat(def.stages().get(0).params()).containsEntry("timeout", Duration.ofMinutes(25));
        assertThat(def.stages().get(0).source()).isEqualTo("common/unit-test@" + head);
        assertThat(def.stages().get(1).params()).containsEntry("timeout", Duration.ofMinutes(7));
        assertThat(def.stages().get(1).source()).isEqualTo("common/unit-test@" + v1.name());
    }

    @Test
    void parametersAreSubstitutedAndInterpolatedAndStageLimitsOverrideTheTemplate() throws Exception {
        PipelineDef def = load(library.toUri().toString(), """
                  - name: push
                    uses: common/merge-and-push@v1
                    with: {target: "https://git.example.com/nova.git", mode: fail}
                    timeout: 10m
                    retry: {attempts: 5}
                """);
        StageDef stage = def.stages().get(0);
        assertThat(stage.type()).isEqualTo("merge");
        assertThat(stage.params()).containsEntry("on-conflict", "fail")
                .containsEntry("push", "https://git.example.com/nova.git#candidate")
                .containsEntry("branches-file", "environments/branches.yaml");
        assertThat(stage.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(stage.retry().maxAttempts()).isEqualTo(5);
    }

    @Test
    void templateParameterErrorsPointAtTheValueInThePipelineFile() throws Exception {
        // each value is checked against the template's declared type, and the error names the pipeline file
        assertThatThrownBy(() -> load("../../library", """
                  - name: push
                    uses: common/merge-and-push@v1
                    with: {target: x, mode: sometimes, strict: maybe}
                """)).isInstanceOf(ConfigException.class).satisfies(e -> {
            assertThat(((ConfigException) e).errors()).extracting(ConfigError::format).containsExactly(
                    "pipelines/p.yaml:8:29: stages[0].with.mode: bad value 'sometimes': expected one of fail, skip",
                    "pipelines/p.yaml:8:48: stages[0].with.strict: expected a boolean (true or false), got a string 'maybe'");
        });
    }

    @Test
    void aTemplatePlacingAParameterIntoAFieldOfAnotherTypeIsAnErrorInTheTemplate() throws Exception {
        assertThatThrownBy(() -> load("../../library", """
                  - name: tests
                    uses: common/loose-unit-test@v1
                """)).isInstanceOf(ConfigException.class).satisfies(e -> assertThat(((ConfigException) e).errors())
                .extracting(ConfigError::format).containsExactly(
                        "common:templates/loose-unit-test.yaml@v1:9:14: stage.with.timeout: parameter 'timeout' is string "
                                + "but 'timeout' of stage type 'unit-test' is duration",
                        "common:templates/loose-unit-test.yaml@v1:10:12: stage.timeout: parameter 'limit' is string "
                                + "but 'timeout' is a duration"));
    }

    @Test
    void anInterpolatedValueIsCheckedByTheStageTypeAfterSubstitution() throws Exception {
        assertThat(load("../../library", """
                  - name: tests
                    uses: common/minutes@v1
                    with: {minutes: "15"}
                """).stages().get(0).params()).containsEntry("timeout", Duration.ofMinutes(15));
        assertThatThrownBy(() -> load("../../library", """
                  - name: tests
                    uses: common/minutes@v1
                    with: {minutes: soon}
                """)).isInstanceOf(ConfigException.class).satisfies(e -> assertThat(((ConfigException) e).errors())
                .extracting(ConfigError::format).containsExactly("common:templates/minutes.yaml@v1:7:14: "
                        + "stages[0].with.timeout: bad duration 'soonm': expected a number and a unit, like 500ms, 30s, 20m, 2h or 1h30m"));
    }

    @Test
    void errorsInsideATemplateNameTheTemplateFileAtItsRef() throws Exception {
        assertThatThrownBy(() -> load("../../library", """
                  - name: broken
                    uses: common/broken@v1
                """)).isInstanceOf(ConfigException.class).satisfies(e -> assertThat(((ConfigException) e).errors())
                .extracting(ConfigError::file).containsOnly("common:templates/broken.yaml@v1"));
    }

    @Test
    void validatorChecksTemplatesOfALibraryRepository() throws Exception {
        try (PipelineRepository repo = PipelineRepository.open(library.toString(), tmp.resolve("cache"))) {
            ValidationReport report = new Validator(StageTypes.builtIn(), TemplateLookup.NONE).validate(repo.at("v1"));
            assertThat(report.files()).containsExactly("templates/broken.yaml", "templates/loose-unit-test.yaml", "templates/merge-and-push.yaml",
                    "templates/minutes.yaml",
                    "templates/unit-test.yaml");
            assertThat(report.errors()).extracting(ConfigError::format).containsExactly(
                    "templates/broken.yaml:2:17: params.count.type: bad value 'integer': expected one of string, int, number, bool, duration, list, enum",
                    "templates/broken.yaml:6:14: stage.with.timeout: undeclared parameter 'cuont'",
                    "templates/loose-unit-test.yaml:9:14: stage.with.timeout: parameter 'timeout' is string but 'timeout' of stage type 'unit-test' is duration",
                    "templates/loose-unit-test.yaml:10:12: stage.timeout: parameter 'limit' is string but 'timeout' is a duration");
        }
    }
}
