package io.inception.inova.cloud;

/**
 * The cloud could not be reached or answered unexpectedly. {@link #transientFailure()} is true
 * for errors a retry may cure (connection refused, 5xx, 409 conflicts).
 */
public final class CloudException extends RuntimeException {
    private final int status;
    private final boolean transientFailure;

    public CloudException(String message, int status, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.transientFailure = transientFailure;
    }

    public CloudException(String message, int status, boolean transientFailure) {
        this(message, status, transientFailure, null);
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    public boolean transientFailure() {
        return transientFailure;
    }
}
