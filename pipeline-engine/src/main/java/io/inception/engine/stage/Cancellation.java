package io.inception.engine.stage;

/** Whether the run was asked to stop. */
public interface Cancellation {
    boolean isCancelled();

    /** Throws {@link java.util.concurrent.CancellationException} when cancelled. */
    default void throwIfCancelled() {
        if (isCancelled()) throw new java.util.concurrent.CancellationException("run was cancelled");
    }
}
