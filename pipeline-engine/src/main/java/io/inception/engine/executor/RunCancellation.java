package io.inception.engine.executor;

import io.inception.engine.stage.Cancellation;

/** The cancellation flag of one run, set by cancel, by a stage timeout, or when the run is abandoned. */
final class RunCancellation implements Cancellation {
    private volatile String reason;

    void cancel(String why) {
        if (reason == null) reason = why;
    }

    @Override
    public boolean isCancelled() {
        return reason != null;
    }

    @Override
    public void throwIfCancelled() {
        String why = reason;
        if (why != null) throw new java.util.concurrent.CancellationException("run was cancelled: " + why);
    }
}
