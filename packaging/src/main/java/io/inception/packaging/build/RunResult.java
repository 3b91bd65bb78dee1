package io.inception.packaging.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a hermetic run did.
 *
 * @param runner   which runner was used (stored with the build)
 * @param image    the container image, or null for {@link RunnerKind#LOCAL}
 * @param outcome  exited, timed out or cancelled
 * @param exitCode the command's exit code (-1 unless it exited)
 * @param duration wall-clock time
 * @param outputs  the copied outputs under the request's output folder
 * @param logTail  the last lines of stdout and stderr
 */
public record RunResult(RunnerKind runner, String image, Outcome outcome, int exitCode, Duration duration,
                        List<Path> outputs, String logTail) {
    /** How a run ended. */
    public enum Outcome { EXITED, TIMED_OUT, CANCELLED }

    public RunResult {
        outputs = List.copyOf(outputs);
    }

    /** Exited with code 0. */
    public boolean succeeded() {
        return outcome == Outcome.EXITED && exitCode == 0;
    }
}
