package io.inception.app.cli;

import io.inception.engine.fleet.HostTarget;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.rollout.HostPhase;
import io.inception.engine.rollout.HostRecord;
import io.inception.engine.rollout.RolloutRecord;
import io.inception.engine.rollout.RolloutSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The line {@code inception rollout} prints every second on a terminal. */
class RolloutProgressTest {
    static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

    static HostRecord host(String name, int wave, HostPhase phase, Instant started) {
        return new HostRecord(new HostTarget(name, name.substring(0, 2), "127.0.1.1", 22), wave, 0, phase, "1.0-1", "",
                started, started);
    }

    @Test
    void showsTheWaveInFlightTheCountsAndTheSlowestHosts() {
        List<HostRecord> hosts = List.of(host("c1-001", 0, HostPhase.DONE, T0),
                host("c1-002", 1, HostPhase.DONE, T0.plusSeconds(5)),
                host("c2-003", 1, HostPhase.ROLLED_BACK, T0.plusSeconds(5)),
                host("c1-004", 1, HostPhase.UPGRADING, T0.plusSeconds(6)),
                host("c2-005", 1, HostPhase.DRAINING, T0.plusSeconds(40)),
                host("c2-006", 1, HostPhase.VERIFYING, T0.plusSeconds(20)),
                host("c1-007", 1, HostPhase.UNDRAINING, T0.plusSeconds(30)),
                host("c2-008", 2, HostPhase.PENDING, null));
        RolloutSummary summary = RolloutSummary.of(rollout(), hosts);

        String line = RolloutCommand.progress(hosts, summary, T0.plusSeconds(47));

        assertThat(line).isEqualTo("wave 2/3 | RUNNING 8 hosts: 2 done, 1 rolled back, 0 failed, 4 in flight, 1 pending"
                + " | slowest: c1-004 upgrading 41s, c2-006 verifying 27s, c1-007 undraining 17s");
    }

    @Test
    void betweenWavesTheNextWaveIsShown() {
        List<HostRecord> hosts = List.of(host("c1-001", 0, HostPhase.DONE, T0), host("c1-002", 1, HostPhase.PENDING, null));

        assertThat(RolloutCommand.progress(hosts, RolloutSummary.of(rollout(), hosts), T0))
                .isEqualTo("wave 2/2 | RUNNING 2 hosts: 1 done, 0 rolled back, 0 failed, 0 in flight, 1 pending");
    }

    static RolloutRecord rollout() {
        return new RolloutRecord("ro-1", null, ExecutionStatus.RUNNING, "", T0, T0, 0);
    }
}
