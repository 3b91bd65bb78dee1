package io.inception.smoke.config;

import io.inception.engine.config.ConfigError;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.config.Parsed;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeSectionTest {
    private static final String BASE = """
            name: qe
            cells:
              - name: c1
                hosts: [h1]
            """;

    private static List<String> errors(String section) {
        Parsed<EnvironmentFile> parsed = EnvironmentFile.parse(BASE + section, "qe.yaml");
        return parsed.errors().stream().map(ConfigError::format).toList();
    }

    @Test
    void aFullSectionIsReadTyped() {
        EnvironmentFile env = EnvironmentFile.parse(BASE + """
                smoke:
                  tags: smoke & !labs
                  quarantine:
                    - ComputeHostsSmoke#novaComputeIsUpAndEnabledOnEveryHost
                  retries: 2
                """, "qe.yaml").orElseThrow();

        assertThat(env.section(new SmokeSection())).contains(new SmokeSettings("smoke & !labs",
                List.of("ComputeHostsSmoke#novaComputeIsUpAndEnabledOnEveryHost"), 2));
    }

    @Test
    void omittedFieldsTakeTheDefaults() {
        EnvironmentFile env = EnvironmentFile.parse(BASE + "smoke: {}\n", "qe.yaml").orElseThrow();

        assertThat(env.section(new SmokeSection())).contains(SmokeSettings.DEFAULT);
        assertThat(SmokeSettings.DEFAULT).isEqualTo(new SmokeSettings("smoke", List.of(), 1));
    }

    @Test
    void anUnknownFieldIsNamedWithTheKnownOnes() {
        assertThat(errors("smoke:\n  tag: api\n")).containsExactly(
                "qe.yaml:6:3: smoke.tag: unknown field 'tag' (did you mean 'tags'?); known fields: tags, quarantine, retries");
    }

    @Test
    void aBadTagExpressionIsReportedWithJUnitsReason() {
        assertThat(errors("smoke:\n  tags: \"smoke & (api\"\n")).containsExactly(
                "qe.yaml:6:9: smoke.tags: bad tag expression 'smoke & (api': missing closing parenthesis for '(' at index <8>");
    }

    @Test
    void anUnknownQuarantinedTestIsNamedWithTheClosestOne() {
        assertThat(errors("smoke:\n  quarantine:\n    - ComputeHostsSmoke#everyHostRunsTheExpectedVersions\n    - 42\n    - [a]\n"))
                .containsExactly(
                        "qe.yaml:7:7: smoke.quarantine[0]: unknown smoke test 'ComputeHostsSmoke#everyHostRunsTheExpectedVersions'"
                                + " (did you mean 'ComputeHostsSmoke#everyHostRunsTheExpectedVersion'?); tests are named Class#method",
                        "qe.yaml:8:7: smoke.quarantine[1]: unknown smoke test '42'; tests are named Class#method",
                        "qe.yaml:9:7: smoke.quarantine[2]: expected a test name (Class#method), got a list");
    }

    @Test
    void retriesOutOfRangeOrNotANumber() {
        assertThat(errors("smoke:\n  retries: 5\n")).containsExactly(
                "qe.yaml:6:12: smoke.retries: retries must be between 0 and 3, got 5");
        assertThat(errors("smoke:\n  retries: twice\n")).containsExactly(
                "qe.yaml:6:12: smoke.retries: expected an integer, got a string 'twice'");
    }

    @Test
    void theSectionMustBeAMapAndQuarantineAList() {
        assertThat(errors("smoke: smoke\n")).containsExactly(
                "qe.yaml:5:8: smoke: expected a map of fields, got a string");
        assertThat(errors("smoke:\n  quarantine: ComputeHostsSmoke#everyHostRunsTheExpectedVersion\n")).containsExactly(
                "qe.yaml:6:15: smoke.quarantine: expected a list, got a string");
    }
}
