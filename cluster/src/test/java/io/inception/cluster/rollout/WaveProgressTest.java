package io.inception.cluster.rollout;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WaveProgressTest {
    @Test
    void itemsQueuedBeforeRunsWereBoundStillRead() {
        assertThat(WaveProgress.parse("")).isEqualTo(new WaveProgress(0, Optional.empty()));
        assertThat(WaveProgress.parse("2")).isEqualTo(new WaveProgress(2, Optional.empty()));
        assertThat(new WaveProgress(2, Optional.empty()).data()).isEqualTo("2");
    }

    @Test
    void theRunOfAStagesRolloutTravelsWithEveryWave() {
        WaveProgress first = WaveProgress.parse("0 run r-20261127-110226-c0a7");
        assertThat(first.run()).contains("r-20261127-110226-c0a7");
        assertThat(first.atWave(1).data()).isEqualTo("1 run r-20261127-110226-c0a7");
        assertThat(WaveProgress.parse(first.atWave(1).data())).isEqualTo(new WaveProgress(1, first.run()));
    }
}
