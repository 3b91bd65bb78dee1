package io.inception.engine.rollout;

import io.inception.engine.config.ConfigError;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.config.Parsed;
import io.inception.engine.config.Quantity;
import io.inception.engine.fleet.HostTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment file as the rollout reads it: hosts, waves with gates, budget, the rollout: section. */
class RolloutSectionTest {
    static final String BASE = """
            name: qe
            cells:
              - name: c1
                hosts: ["qe-c1-[1:2]"]
              - name: c2
                hosts: [qe-c2-1]
            credentials:
              ssh-key: {file: /etc/inception/qe/id_ed25519}
            waves:
              - {name: canary, size: 1, pause: 5m}
              - {name: half, size: 50%, gate: manual}
              - {name: rest, size: rest}
            failure-budget: {max-failed: 1}
            """;

    static List<String> errors(String text) {
        Parsed<EnvironmentFile> parsed = EnvironmentFile.parse(text, "qe.yaml");
        return parsed.errors().stream().map(ConfigError::format).toList();
    }

    @Test
    void theFilePlansTheRolloutItsWavesGatesBudgetAndSection() {
        EnvironmentFile env = EnvironmentFile.parse(BASE + """
                rollout:
                  package: nova-api
                  port: 2222
                  addresses: {qe-c1-1: 10.1.0.1}
                  max-parallel: 20
                  cell-order: one-at-a-time
                  rollback: all
                  strict-waves: 1
                  health-command: "curl -fsS http://127.0.0.1:8774/"
                  command-timeout: 2m
                """, "qe.yaml").orElseThrow();

        assertThat(EnvironmentTargets.hosts(env)).containsExactly(new HostTarget("qe-c1-1", "c1", "10.1.0.1", 2222),
                new HostTarget("qe-c1-2", "c1", "qe-c1-2", 2222), new HostTarget("qe-c2-1", "c2", "qe-c2-1", 2222));
        RolloutSpec spec = EnvironmentTargets.spec(env, "b-1", "2.0-1", "deb http://r/ x main");
        assertThat(spec.packageName()).isEqualTo("nova-api");
        assertThat(spec.waves()).containsExactly(new Quantity(Quantity.Kind.COUNT, 1), new Quantity(Quantity.Kind.PERCENT, 50),
                new Quantity(Quantity.Kind.REST, 0));
        assertThat(spec.gates()).containsExactly(new WaveGate(0, Duration.ofMinutes(5), false),
                new WaveGate(1, Duration.ZERO, true));
        assertThat(spec.budget()).isEqualTo(new FailureBudgetPolicy(1, new Quantity(Quantity.Kind.COUNT, 1)));
        assertThat(spec.maxParallel()).isEqualTo(20);
        assertThat(spec.cellOrder()).isEqualTo(CellOrder.ONE_AT_A_TIME);
        assertThat(spec.rollbackAll()).isTrue();
        assertThat(spec.health()).contains("curl -fsS http://127.0.0.1:8774/");
        assertThat(spec.commandTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void withoutASectionTheDefaultsHold() {
        EnvironmentFile env = EnvironmentFile.parse(BASE, "qe.yaml").orElseThrow();
        RolloutSpec spec = EnvironmentTargets.spec(env, "b-1", "2.0-1", "deb http://r/ x main");
        assertThat(EnvironmentTargets.hosts(env).get(0)).isEqualTo(new HostTarget("qe-c1-1", "c1", "qe-c1-1", 22));
        assertThat(spec.packageName()).isEqualTo("nova-compute");
        assertThat(spec.maxParallel()).isEqualTo(50);
        assertThat(spec.health()).isEmpty();
        assertThat(spec.budget().strictWaves()).isEqualTo(2);
    }

    @Test
    void malformedSectionsAreReportedWithFileLineAndField() {
        assertThat(errors(BASE + """
                rollout:
                  port: 70000
                  addresses: {qe-c1-1: "10.0.0.1; reboot"}
                  max-parallel: 0
                  cell-order: random
                  health-command: "  "
                  colour: red
                """)).containsExactly(
                "qe.yaml:15:9: rollout.port: port must be 1..65535, got 70000",
                "qe.yaml:16:24: rollout.addresses.qe-c1-1: bad address '10.0.0.1; reboot' for host 'qe-c1-1'",
                "qe.yaml:17:17: rollout.max-parallel: max-parallel must be at least 1",
                "qe.yaml:18:15: rollout.cell-order: bad value 'random': expected one of parallel, one-at-a-time",
                "qe.yaml:19:19: rollout.health-command: the health command is empty",
                "qe.yaml:20:3: rollout.colour: unknown field 'colour'; known fields: package, port, addresses,"
                        + " max-parallel, cell-order, rollback, leave-failed-drained, strict-waves, health-command,"
                        + " command-timeout");
    }

    @Test
    void aWaveGateIsManualOrNone() {
        assertThat(errors(BASE.replace("gate: manual", "gate: later"))).containsExactly(
                "qe.yaml:11:35: waves[1].gate: bad value 'later': expected one of manual, none");
    }
}
