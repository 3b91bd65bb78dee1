package io.inception.packaging.build;

import io.inception.engine.stage.Cancellation;

import java.io.IOException;

/**
 * Runs a build or test command of a candidate away from the orchestrator's own files: in a throwaway
 * container where Docker is available, otherwise as a local process. See {@link BuildRunners#detect}.
 */
public interface BuildRunner {
    RunnerKind kind();

    /**
     * Runs the command and copies its outputs out. Cancellation and timeouts stop the command and still
     * clean up (the container is removed in every case).
     */
    RunResult run(RunRequest request, Cancellation cancellation) throws IOException;
}
