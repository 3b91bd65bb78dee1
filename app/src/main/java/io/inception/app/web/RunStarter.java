package io.inception.app.web;

/**
 * Starts a pipeline run when a user asks through the API ({@code POST /api/runs}); the server's is
 * {@link io.inception.app.server.TrainServer#start}. In a cluster any node answers: the run is recorded
 * in the shared store and its stages are claimed by the nodes.
 */
@FunctionalInterface
public interface RunStarter {
    /**
     * Starts {@code pipeline} on {@code environment} as read at the server's configuration ref.
     *
     * @param pipeline    the pipeline's name, or null for the server's own ({@code --pipeline})
     * @param environment the environment's name, or null for the server's own ({@code --env})
     */
    Outcome start(String pipeline, String environment);

    /** How a request to start a run ended. */
    sealed interface Outcome {
        String message();

        /** The run was created and is executing. */
        record Started(String runId, String message) implements Outcome {
        }

        /** Another run of the pipeline holds the environment; the message names it. */
        record Busy(String message) implements Outcome {
        }

        /** No such pipeline or environment, or its file does not read; the message says what is wrong. */
        record Invalid(String message) implements Outcome {
        }
    }
}
