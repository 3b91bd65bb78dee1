package io.inception.engine.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Environment files: defaults, wave sizes, credentials by reference, and the engine's model. */
class EnvironmentFileTest {
    @Test
    void defaultsToOneWaveOfAllHostsAndNoFailureBudget() {
        EnvironmentFile env = EnvironmentFile.parse("""
                name: lab
                cells:
                  - name: c1
                    hosts: [a-1, "a-[2:3]"]
                """, "environments/lab.yaml").orElseThrow();
        assertThat(env.hosts()).extracting(EnvironmentFile.Host::name).containsExactly("a-1", "a-2", "a-3");
        assertThat(env.waves()).containsExactly(new Wave("all", new Quantity(Quantity.Kind.REST, 0), Duration.ZERO));
        assertThat(env.failureBudget()).isEqualTo(FailureBudget.NONE);
        assertThat(env.sshUser()).isEqualTo("root");
        assertThat(env.description()).isEqualTo("lab");
        assertThat(env.credentials()).isEmpty();
        assertThat(env.toEnvironment().source()).isEqualTo("environments/lab.yaml");
    }

    @Test
    void waveSizesCountHostsOfTheEnvironment() {
        EnvironmentFile env = EnvironmentFile.parse("""
                name: qe
                cells:
                  - name: c1
                    hosts: ["h-[001:050]"]
                credentials:
                  ssh-key: {env: QE_SSH_KEY}
                waves:
                  - {name: canary, size: 1}
                  - {name: tenth, size: 10%, pause: 1m}
                  - {name: rest, size: rest}
                failure-budget: {max-failed: 3}
                """, "qe.yaml").orElseThrow();
        List<Wave> waves = env.waves();
        assertThat(waves.get(0).size().of(50, 50)).isEqualTo(1);
        assertThat(waves.get(1).size().of(50, 49)).isEqualTo(5);
        assertThat(waves.get(2).size().of(50, 44)).isEqualTo(44);
        assertThat(waves.get(1).pause()).isEqualTo(Duration.ofMinutes(1));
        assertThat(env.failureBudget().maxFailed()).isEqualTo(new Quantity(Quantity.Kind.COUNT, 3));
        assertThat(env.credentials().get("ssh-key"))
                .isEqualTo(new CredentialRef("ssh-key", CredentialRef.Source.ENV, "QE_SSH_KEY"));
    }

    @Test
    void loadReportsEveryErrorAndNeverTheSecretValue() {
        assertThatThrownBy(() -> EnvironmentFile.parse("""
                name: Staging
                cells: []
                credentials:
                  db-password: {value: hunter2}
                """, "environments/staging.yaml").orElseThrow())
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("hunter2")
                .satisfies(e -> assertThat(((ConfigException) e).errors()).extracting(ConfigError::format).containsExactly(
                        "environments/staging.yaml:1:7: name: bad environment name 'Staging': use lower-case letters, digits, '-' and '_'",
                        "environments/staging.yaml:2:8: cells: an environment needs at least one cell",
                        "environments/staging.yaml:4:16: credentials.db-password: credential 'db-password' needs exactly one of 'env' or 'file'",
                        "environments/staging.yaml:4:17: credentials.db-password.value: unknown field 'value'; known fields: env, file"));
    }

    @Test
    void aCellMayNameItsRegion() {
        EnvironmentFile env = EnvironmentFile.parse("""
                name: prod
                cells:
                  - name: c1
                    region: dfw
                    hosts: [a-1]
                  - name: c2
                    hosts: [b-1]
                """, "environments/prod.yaml").orElseThrow();
        assertThat(env.cells()).containsExactly(new Cell("c1", List.of("a-1"), java.util.Optional.of("dfw")),
                new Cell("c2", List.of("b-1")));
    }

    @Test
    void aMalformedRegionIsReportedWithFileLineAndField() {
        assertThatThrownBy(() -> EnvironmentFile.parse("""
                name: prod
                cells:
                  - name: c1
                    region: "dfw east"
                    hosts: [a-1]
                  - name: c2
                    region: [dfw]
                    hosts: [b-1]
                  - name: c3
                    region: c1
                    hosts: [c-1]
                """, "environments/prod.yaml").orElseThrow())
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).extracting(ConfigError::format).containsExactly(
                        "environments/prod.yaml:4:13: cells[0].region: bad region 'dfw east': letters, digits, '.', '_'"
                                + " and '-', starting with a letter or digit, at most 63 characters",
                        "environments/prod.yaml:7:13: cells[1].region: expected a string, got a list",
                        "environments/prod.yaml:10:13: cells[2].region: region 'c1' is also the name of a cell: a node"
                                + " listing it could not tell the cell from the region"));
    }
}
