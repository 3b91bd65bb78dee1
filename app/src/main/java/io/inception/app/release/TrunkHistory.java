package io.inception.app.release;

import java.time.Instant;
import java.util.Optional;

/** Trunk's commits, as far as lag needs them. {@link GitTrunkHistory} reads them with JGit. */
public interface TrunkHistory {
    /**
     * The trunk commits not contained in {@code deployedSha}: how many, and when the oldest of them was
     * committed (null when none). Empty when trunk cannot be read (the reason goes to the log).
     */
    Optional<Missing> missingFrom(String url, String branch, String deployedSha);

    record Missing(int commits, Instant oldest) {
    }
}
