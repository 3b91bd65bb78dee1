package io.inception.engine.executor;

import io.inception.engine.store.RunLock;

/** Another run of the same pipeline holds the target; the message names it. */
public final class RunLockedException extends RuntimeException {
    private final transient RunLock holder;

    RunLockedException(String message, RunLock holder) {
        super(message);
        this.holder = holder;
    }

    /** The lock row as it was when the request was refused. */
    public RunLock holder() {
        return holder;
    }

    /** The run that holds the lock. */
    public String holderRunId() {
        return holder.runId();
    }
}
