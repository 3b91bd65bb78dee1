package io.inception.engine.pipeline;

/**
 * The pipeline text could not be reached: no such repository, ref, pipeline or file. The message
 * names what was looked for and never contains credentials.
 */
public final class PipelineSourceException extends RuntimeException {
    public PipelineSourceException(String message) {
        super(message);
    }
}
