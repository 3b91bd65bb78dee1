package io.inception.engine.scheduler;

import io.inception.engine.config.ConfigError;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerConfigLoaderTest {
    @Test
    void loadsCronAndTrunkMovedTriggers(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("server.yaml");
        Files.writeString(file, """
                listen: 8080
                triggers:
                  - name: every-4h
                    cron: "0 */4 * * *"
                  - name: nightly-paris
                    cron: "30 2 * * 1-5"
                    timezone: Europe/Paris
                  - name: trunk
                    trunk-moved: {poll: 90s}
                  - name: mirror
                    trunk-moved:
                      repo: https://ci:tok@git.example/nova.git
                      branch: stable
                """);
        TriggerConfigs configs = TriggerConfigLoader.load(file);

        assertThat(configs.errors()).isEmpty();
        List<TriggerConfig> t = configs.orThrow();
        assertThat(t).extracting(TriggerConfig::name).containsExactly("every-4h", "nightly-paris", "trunk", "mirror");
        assertThat(t.get(0).toDefinition("/srv/trunk", "master")).isEqualTo(CronTrigger.utc("every-4h", "0 */4 * * *"));
        assertThat(t.get(1).toDefinition(null, null))
                .isEqualTo(new CronTrigger("nightly-paris", "30 2 * * 1-5", ZoneId.of("Europe/Paris")));
        assertThat(t.get(2).toDefinition("/srv/trunk", "master"))
                .isEqualTo(new TrunkMovedTrigger("trunk", "/srv/trunk", "master", Duration.ofSeconds(90)));
        assertThat(t.get(3).toDefinition("/srv/trunk", "master"))
                .isEqualTo(new TrunkMovedTrigger("mirror", "https://ci:tok@git.example/nova.git", "stable", Duration.ofSeconds(60)));
        assertThat(t.get(3).toString()).doesNotContain("tok@");
        assertThat(t.get(2).line()).isEqualTo(8);
    }

    @Test
    void acceptsTheFlowStyleAndTrunkMovedWithAllDefaults() {
        List<TriggerConfig> t = TriggerConfigLoader.parse("s.yaml",
                "triggers: [{name: nightly, cron: \"0 */4 * * *\"}, {name: trunk, trunk-moved: {poll: 60s}}, {name: t2, trunk-moved: }]\n")
                .orThrow();
        assertThat(t).extracting(TriggerConfig::name).containsExactly("nightly", "trunk", "t2");
        assertThat(t.get(2).toDefinition("/srv/trunk", "master"))
                .isEqualTo(new TrunkMovedTrigger("t2", "/srv/trunk", "master", Duration.ofSeconds(60)));
    }

    @Test
    void aFileWithoutTriggersHasNone() {
        assertThat(TriggerConfigLoader.parse("a.yaml", "listen: 8080\n").orThrow()).isEmpty();
        assertThat(TriggerConfigLoader.parse("a.yaml", "").orThrow()).isEmpty();
    }

    @Test
    void reportsEveryErrorWithFileLineColumnAndField() {
        String yaml = """
                triggers:
                  - name: bad-cron
                    cron: "61 * * * *"
                  - name: both
                    cron: "0 * * * *"
                    trunk-moved: {poll: 60s}
                  - cron: "0 * * * *"
                  - name: slow
                    trunk-moved:
                      poll: sixty
                      colour: blue
                  - name: bad-cron
                    cron: "0 0 * * *"
                    timezone: Mars/Olympus
                  - name: fast
                    trunk-moved: {poll: 10ms}
                """;
        TriggerConfigs configs = TriggerConfigLoader.parse("server.yaml", yaml);

        assertThat(configs.triggers()).isEmpty();
        assertThat(configs.errors()).extracting(ConfigError::toString).containsExactly(
                "server.yaml:3:11: triggers[0].cron: invalid cron expression '61 * * * *' (Unix, 5 fields: minute hour "
                        + "day-of-month month day-of-week): Failed to parse cron expression. Value 61 not in range [0, 59]",
                "server.yaml:4:5: triggers[1]: has both 'cron' and 'trunk-moved'; write one",
                "server.yaml:7:5: triggers[2].name: is required",
                "server.yaml:10:13: triggers[3].trunk-moved.poll: 'sixty' is not a duration; write e.g. 60s, 5m, 1h30m or PT1M",
                "server.yaml:11:7: triggers[3].trunk-moved.colour: unknown field (expected one of [branch, paths, paths-ignore, poll, repo])",
                "server.yaml:12:11: triggers[4].name: duplicate trigger name 'bad-cron'",
                "server.yaml:14:15: triggers[4].timezone: unknown time zone 'Mars/Olympus' (e.g. UTC, Europe/Paris)",
                "server.yaml:16:25: triggers[5].trunk-moved.poll: must be at least 1s");
        assertThatThrownBy(configs::orThrow).hasMessageContaining("server.yaml:7:5: triggers[2].name: is required");
    }

    @Test
    void reportsStructureAndSyntaxErrors() {
        assertThat(TriggerConfigLoader.parse("s.yaml", "triggers:\n  name: x\n").errors())
                .extracting(ConfigError::toString).containsExactly("s.yaml:2:3: triggers: expected a list of triggers");
        assertThat(TriggerConfigLoader.parse("s.yaml", "triggers:\n  - just-a-name\n").errors())
                .extracting(ConfigError::field).containsExactly("triggers[0]");
        assertThat(TriggerConfigLoader.parse("s.yaml", "triggers: [\n  {name: x\n").errors())
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("(yaml)");
                    assertThat(e.line()).isGreaterThan(1);
                });
    }

    @Test
    void readsPathsAndPathsIgnoreOfATrunkMovedTrigger() {
        List<TriggerConfig> t = TriggerConfigLoader.parse("triggers.yaml", """
                triggers:
                  - name: manifests-moved
                    trunk-moved:
                      poll: 5m
                      paths: ["puppet/**", environments/puppet/**]
                      paths-ignore:
                        - "**/*.md"
                """).orThrow();
        assertThat(t.get(0).toDefinition("/srv/config", "main")).isEqualTo(new TrunkMovedTrigger("manifests-moved",
                "/srv/config", "main", Duration.ofMinutes(5),
                PathFilter.of(List.of("puppet/**", "environments/puppet/**"), List.of("**/*.md"))));
        assertThat(t.get(0).toString()).contains("paths [puppet/**, environments/puppet/**] ignoring [**/*.md]");
    }

    @Test
    void reportsMalformedPathsWithFileLineColumnAndField() {
        String yaml = """
                triggers:
                  - name: not-a-list
                    trunk-moved:
                      paths: puppet/**
                  - name: empty-list
                    trunk-moved:
                      paths: []
                  - name: bad-items
                    trunk-moved:
                      paths:
                        - ""
                        - puppet**
                        - {glob: x}
                      paths-ignore: ["/docs/**", "cell[0-9.yaml"]
                """;
        TriggerConfigs configs = TriggerConfigLoader.parse("triggers.yaml", yaml);

        assertThat(configs.triggers()).isEmpty();
        assertThat(configs.errors()).extracting(ConfigError::toString).containsExactly(
                "triggers.yaml:4:14: triggers[0].trunk-moved.paths: expected a list of globs, e.g. [\"puppet/**\"]",
                "triggers.yaml:7:14: triggers[1].trunk-moved.paths: must not be empty; leave it out to count every path",
                "triggers.yaml:11:11: triggers[2].trunk-moved.paths[0]: must not be empty",
                "triggers.yaml:12:11: triggers[2].trunk-moved.paths[1]: 'puppet**' is not a valid glob: '**' must be a "
                        + "whole path segment (e.g. 'puppet/**' or '**/*.pp')",
                "triggers.yaml:13:11: triggers[2].trunk-moved.paths[2]: expected a glob (a single value)",
                "triggers.yaml:14:22: triggers[2].trunk-moved.paths-ignore[0]: '/docs/**' is not a valid glob: must be "
                        + "relative to the repository root (no leading '/')",
                "triggers.yaml:14:34: triggers[2].trunk-moved.paths-ignore[1]: 'cell[0-9.yaml' is not a valid glob: "
                        + "has an unclosed '['");
    }

    @Test
    void theShippedPathFilteredExampleIsValidWhenSwitchedOn() throws Exception {
        String shipped = Files.readString(Path.of("../environments/triggers.yaml"));
        StringBuilder on = new StringBuilder();
        boolean example = false;
        for (String line : shipped.split("\n", -1)) {
            if (line.startsWith("  # - name: config-manifests-moved")) example = true;
            on.append(example && line.startsWith("  # ") ? "  " + line.substring(4) : line).append('\n');
            if (!line.startsWith("  # ")) example = false;
        }
        List<TriggerConfig> t = TriggerConfigLoader.parse("triggers.yaml", on.toString()).orThrow();
        assertThat(t).extracting(TriggerConfig::name).contains("config-manifests-moved");
        TriggerConfig example0 = t.stream().filter(c -> c.name().equals("config-manifests-moved")).findFirst().orElseThrow();
        assertThat(example0.trunkMoved().paths())
                .isEqualTo(PathFilter.of(List.of("environments/puppet/**"), List.of("**/*.md")));
    }
}
