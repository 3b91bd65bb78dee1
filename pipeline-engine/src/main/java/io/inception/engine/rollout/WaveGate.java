package io.inception.engine.rollout;

import java.time.Duration;

/**
 * What stands between a wave and the next: a pause (the next wave starts {@code pause} after the
 * last host of this one finished) and/or a manual gate (the rollout waits, status WAITING, until
 * {@code inception rollout approve <id>}).
 *
 * @param afterWave the wave it follows (0-based)
 * @param pause     how long to wait, or zero
 * @param manual    whether a person must approve the next wave
 */
public record WaveGate(int afterWave, Duration pause, boolean manual) {
    public WaveGate {
        if (afterWave < 0) throw new IllegalArgumentException("afterWave must be >= 0");
        if (pause == null || pause.isNegative()) throw new IllegalArgumentException("pause must be >= 0");
    }

    /** Whether it stops the rollout at all. */
    public boolean holds() {
        return manual || !pause.isZero();
    }
}
