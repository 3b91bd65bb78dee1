package io.inception.cluster.rollout;

import java.util.Objects;
import java.util.Optional;

/**
 * The data of a {@code rollout-wave} item: the wave to run next (0-based) and, for a rollout planned by
 * a pipeline's {@code rollout} stage, the run it belongs to. Written {@code 2} or {@code 2 run r-17}.
 *
 * @param wave the wave index
 * @param run  the pipeline run, or empty
 */
public record WaveProgress(int wave, Optional<String> run) {
    private static final String RUN = " run ";

    public WaveProgress {
        Objects.requireNonNull(run, "run");
        if (wave < 0) throw new IllegalArgumentException("wave must be at least 0");
    }

    /** Reads {@link #data()}; an empty text is wave 0 of no run. */
    public static WaveProgress parse(String data) {
        if (data == null || data.isBlank()) return new WaveProgress(0, Optional.empty());
        int at = data.indexOf(RUN);
        String wave = at < 0 ? data.strip() : data.substring(0, at).strip();
        return new WaveProgress(Integer.parseInt(wave), at < 0 ? Optional.empty() : Optional.of(data.substring(at + RUN.length()).strip()));
    }

    public WaveProgress atWave(int next) {
        return new WaveProgress(next, run);
    }

    public String data() {
        return wave + run.map(r -> RUN + r).orElse("");
    }
}
