package io.inception.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZonesTest {
    @Test
    void aNodeAdmitsWorkOfItsZonesAndWorkWithoutZone() {
        Zones zones = Zones.parse(" c1, dfw ");
        assertThat(zones.names()).containsExactly("c1", "dfw");
        assertThat(zones.admits(Optional.of("c1"))).isTrue();
        assertThat(zones.admits(Optional.of("dfw"))).isTrue();
        assertThat(zones.admits(Optional.of("c2"))).isFalse();
        assertThat(zones.admits(Optional.empty())).isTrue();
        assertThat(Zones.parse("").admits(Optional.of("c1"))).isFalse();
        assertThat(zones).hasToString("c1,dfw");
    }

    @Test
    void invalidZoneNamesAreRefusedWithTheRule() {
        assertThatThrownBy(() -> Zones.parse("c1,c@2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid zone name 'c@2': letters, digits, '.', '_' and '-', starting with a letter or digit,"
                        + " at most 63 characters");
        assertThatThrownBy(() -> Zones.parse("c1,,c2")).hasMessageStartingWith("invalid zone name ''");
    }

    @Test
    void theZoneIsPartOfTheTaskNameSoANodeClaimsOnlyNamesOfItsZones() {
        assertThat(TaskNames.of("rollout-wave", Optional.of("c1"))).isEqualTo("rollout-wave@c1");
        assertThat(TaskNames.of("rollout-wave", Optional.empty())).isEqualTo("rollout-wave");
        assertThat(TaskNames.claimedBy("rollout-wave", Zones.parse("c1,c2")))
                .isEqualTo(List.of("rollout-wave", "rollout-wave@c1", "rollout-wave@c2"));
        assertThat(TaskNames.zoneOf("rollout-wave@c2")).contains("c2");
        assertThat(TaskNames.kindOf("rollout-wave@c2")).isEqualTo("rollout-wave");
        assertThat(TaskNames.zoneOf("lab-op")).isEmpty();
    }

    @Test
    void aWorkItemRefusesAnInvalidKindOrZone() {
        assertThatThrownBy(() -> new WorkItem("Rollout", Optional.empty(), "x", "")).hasMessage("invalid work kind 'Rollout'");
        assertThatThrownBy(() -> new WorkItem("lab-op", Optional.of("a b"), "x", "")).hasMessageStartingWith("invalid zone name 'a b'");
    }
}
