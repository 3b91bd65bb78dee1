package io.inception.smoke.run;

import io.inception.smoke.config.SmokeSettings;
import io.inception.smoke.fixtures.Sandboxless;
import io.inception.smoke.fixtures.ScriptedSmoke;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeSuiteTest {
    @TempDir
    Path dir;

    private final SmokeSuite suite = SmokeSuite.of(List.of(ScriptedSmoke.class));

    @BeforeEach
    void reset() {
        ScriptedSmoke.RUNS.set(0);
    }

    private SmokeReport run(SmokeSettings settings) {
        return suite.run(Sandboxless.environment(dir), settings, dir.resolve("out"));
    }

    @Test
    void aTestThatPassesOnItsRetryIsFlakyAndDoesNotGate() {
        SmokeReport report = run(SmokeSettings.DEFAULT.withTags("smoke & !compute"));

        assertThat(report.passed()).isTrue();
        assertThat(report.flaky()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("ScriptedSmoke#failsOnlyTheFirstTime");
            assertThat(t.attempts()).isEqualTo(2);
            assertThat(t.status()).isEqualTo(TestOutcome.Status.PASSED);
            assertThat(t.message()).contains("first run fails on purpose");
        });
        assertThat(report.counts()).isEqualTo(new SmokeReport.Counts(2, 2, 0, 0, 1, 0));
        assertThat(report.verdict()).isEqualTo("passed: 2 tests: 2 passed, 0 failed, 0 skipped, 1 flaky");
    }

    @Test
    void withoutRetriesTheFirstFailureStands() {
        SmokeReport report = run(SmokeSettings.DEFAULT.withTags("smoke & !compute").withRetries(0));

        assertThat(report.passed()).isFalse();
        assertThat(report.flaky()).isEmpty();
        assertThat(report.failures()).extracting(TestOutcome::id).containsExactly("ScriptedSmoke#failsOnlyTheFirstTime");
        assertThat(report.verdict()).endsWith("ScriptedSmoke#failsOnlyTheFirstTime: first run fails on purpose ==> expected: <2> but was: <1>");
    }

    @Test
    void aFailureGatesWithItsMessageAndIsRetriedOnce() {
        SmokeReport report = run(SmokeSettings.DEFAULT.withTags("compute"));

        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("ScriptedSmoke#alwaysFails");
            assertThat(t.attempts()).isEqualTo(2);
            assertThat(t.message()).isEqualTo("c1-002: nova-compute is down");
        });
        assertThat(report.line()).isEqualTo("smoke sandbox [compute] failed: 1 tests: 0 passed, 1 failed, 0 skipped"
                + " — ScriptedSmoke#alwaysFails: c1-002: nova-compute is down");
    }

    @Test
    void aQuarantinedFailureIsReportedButDoesNotGate() {
        SmokeReport report = run(SmokeSettings.DEFAULT.withTags("smoke").withQuarantine("ScriptedSmoke#alwaysFails"));

        assertThat(report.passed()).isTrue();
        assertThat(report.failures()).isEmpty();
        assertThat(report.quarantined()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("ScriptedSmoke#alwaysFails");
            assertThat(t.status()).isEqualTo(TestOutcome.Status.FAILED);
            assertThat(t.message()).isEqualTo("c1-002: nova-compute is down");
        });
        assertThat(report.verdict()).isEqualTo(
                "passed: 3 tests: 2 passed, 1 failed, 0 skipped, 1 flaky (1 quarantined failure not gating)");
    }

    @Test
    void aTagExpressionThatSelectsNothingDoesNotPass() {
        SmokeReport report = run(SmokeSettings.DEFAULT.withTags("image"));

        assertThat(report.passed()).isFalse();
        assertThat(report.counts().total()).isZero();
        assertThat(report.verdict()).isEqualTo("no smoke test matched the tag expression 'image'");
    }

    @Test
    void everyRunWritesAllureResultsAndJUnitXmlPerAttempt() throws IOException {
        SmokeReport report = run(SmokeSettings.DEFAULT);

        Path results = Path.of(report.allureResults());
        String allResults = readAll(results, "-result.json");
        assertThat(allResults).contains("\"name\":\"passesWithAStep(DeployedEnvironment)\"", "\"name\":\"read the environment's name\"",
                "\"name\":\"alwaysFails()\"", "c1-002: nova-compute is down", "\"name\":\"host log\"");
        assertThat(readAll(results, "-attachment.txt")).contains("nova-compute: cannot connect to the conductor");
        assertThat(Files.readString(results.resolve("environment.properties")))
                .contains("environment=sandbox", "package=nova-compute 2.0-1").doesNotContain("s3cret-pw");

        Path junit = Path.of(report.junitXml());
        assertThat(Files.readString(junit.resolve("attempt-1/TEST-junit-jupiter.xml")))
                .contains("testcase name=\"passesWithAStep(DeployedEnvironment)\"", "testcase name=\"alwaysFails()\"",
                        "c1-002: nova-compute is down");
        assertThat(Files.readString(junit.resolve("attempt-2/TEST-junit-jupiter.xml")))
                .contains("testcase name=\"alwaysFails()\"", "testcase name=\"failsOnlyTheFirstTime()\"")
                .doesNotContain("passesWithAStep");
    }

    static String readAll(Path dir, String suffix) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                all.append(Files.readString(f)).append('\n');
            }
        }
        return all.toString();
    }
}
