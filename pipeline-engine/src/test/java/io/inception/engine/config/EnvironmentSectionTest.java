package io.inception.engine.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentSectionTest {
    private static final String BASE = """
            name: qe
            cells:
              - name: c1
                hosts: [h1]
            """;

    @Test
    void aModuleOwnedSectionIsKeptAndReadTyped() {
        EnvironmentFile env = EnvironmentFile.parse(BASE + "test-extra:\n  size: 3\n", "qe.yaml").orElseThrow();
        assertThat(env.section(new TestSection())).contains(new TestSection.Extra(3));
    }

    @Test
    void anAbsentSectionIsEmpty() {
        EnvironmentFile env = EnvironmentFile.parse(BASE, "qe.yaml").orElseThrow();
        assertThat(env.section(new TestSection())).isEmpty();
    }

    @Test
    void errorsInsideTheSectionNameFileLineAndField() {
        Parsed<EnvironmentFile> parsed = EnvironmentFile.parse(BASE + "test-extra:\n  size: big\n  colour: red\n", "qe.yaml");
        assertThat(parsed.errors()).extracting(ConfigError::format).containsExactly(
                "qe.yaml:6:9: test-extra.size: expected an integer, got a string 'big'",
                "qe.yaml:7:3: test-extra.colour: unknown field 'colour'; known fields: size");
    }

    @Test
    void anUnknownTopLevelKeyIsStillRefused() {
        Parsed<EnvironmentFile> parsed = EnvironmentFile.parse(BASE + "test-extras: {}\n", "qe.yaml");
        assertThat(parsed.errors()).extracting(ConfigError::format)
                .singleElement().asString().contains("unknown field 'test-extras'").contains("did you mean 'test-extra'");
    }
}
