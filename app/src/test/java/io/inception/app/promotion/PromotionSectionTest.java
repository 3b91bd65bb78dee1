package io.inception.app.promotion;

import io.inception.engine.config.ConfigError;
import io.inception.engine.config.EnvironmentFile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PromotionSectionTest {
    static final String BASE = """
            name: staging
            cells:
              - name: c1
                hosts: [s-1]
            credentials:
              ssh-key: {file: /k}
              smoke-password: {env: SMOKE_PW}
            """;

    static List<String> errors(String text) {
        return EnvironmentFile.parse(text, "staging.yaml").errors().stream().map(ConfigError::format).toList();
    }

    @Test
    void theSectionSaysWhereBuildsComeFromAndHowTheEnvironmentIsReached() {
        EnvironmentFile file = EnvironmentFile.parse(BASE + """
                promotion:
                  from: qe-east
                  apt-url: http://repo.example:8480/apt/
                  smoke-cloud: {auth-url: "http://k:5000/v3", username: smoke, password: smoke-password, project: p}
                  gate-timeout: 2h
                """, "staging.yaml").orElseThrow();

        assertThat(PromotionSection.of(file)).isEqualTo(new PromotionSection.Settings("qe-east",
                Optional.of("http://repo.example:8480/apt"), Optional.of(new PromotionSection.SmokeCloud("http://k:5000/v3",
                "smoke", "smoke-password", "p", "Default")), Duration.ofHours(2)));
    }

    @Test
    void withoutTheSectionBuildsComeFromQe() {
        assertThat(PromotionSection.of(EnvironmentFile.parse(BASE, "staging.yaml").orElseThrow()))
                .isEqualTo(PromotionSection.Settings.DEFAULT);
        assertThat(PromotionSection.Settings.DEFAULT.from()).isEqualTo("qe");
    }

    @Test
    void malformedSectionsAreReportedWithFileLineAndField() {
        assertThat(errors(BASE + """
                promotion:
                  from: QE
                  apt-url: repo.example/apt
                  smoke-cloud: {auth-url: "http://k:5000/v3", username: smoke}
                  gate-timeout: soon
                  colour: red
                """)).containsExactly(
                "staging.yaml:9:9: promotion.from: 'QE' is not an environment name (lower-case letters, digits and '-')",
                "staging.yaml:10:12: promotion.apt-url: expected an http://, https:// or file:// URL, got 'repo.example/apt'",
                "staging.yaml:11:16: promotion.smoke-cloud.password: missing required field 'password'",
                "staging.yaml:11:16: promotion.smoke-cloud.project: missing required field 'project'",
                "staging.yaml:12:17: promotion.gate-timeout: bad duration 'soon': expected a number and a unit, like 500ms,"
                        + " 30s, 20m, 2h or 1h30m",
                "staging.yaml:13:3: promotion.colour: unknown field 'colour'; known fields: from, apt-url, smoke-cloud,"
                        + " gate-timeout");
        assertThat(errors(BASE + "promotion: qe\n")).containsExactly(
                "staging.yaml:8:12: promotion: expected a map of fields, got a string");
    }
}
