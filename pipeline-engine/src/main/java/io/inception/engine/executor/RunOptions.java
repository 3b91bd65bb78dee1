package io.inception.engine.executor;

import java.time.Duration;
import java.util.Objects;

/**
 * How to start a run.
 *
 * @param target   what the run acts on, for the run lock; null means the environment's name
 * @param lockWait how long to wait when another run of the pipeline holds the target;
 *                 {@link Duration#ZERO} refuses at once with {@link RunLockedException}
 * @param buildId  the build the run carries from the start, or null (a merge stage binds one)
 */
public record RunOptions(String target, Duration lockWait, String buildId) {
    public RunOptions {
        lockWait = lockWait == null ? Duration.ZERO : lockWait;
        if (lockWait.isNegative()) throw new IllegalArgumentException("lockWait must not be negative");
    }

    /** Target = the environment, refuse when locked, no build yet. */
    public static RunOptions defaults() {
        return new RunOptions(null, Duration.ZERO, null);
    }

    public RunOptions withTarget(String newTarget) {
        return new RunOptions(newTarget, lockWait, buildId);
    }

    public RunOptions withLockWait(Duration wait) {
        return new RunOptions(target, Objects.requireNonNull(wait, "wait"), buildId);
    }

    public RunOptions withBuild(String newBuildId) {
        return new RunOptions(target, lockWait, newBuildId);
    }
}
