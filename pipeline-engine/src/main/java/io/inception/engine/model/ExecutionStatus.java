package io.inception.engine.model;

/** The one status enum for runs, stages and tasks. */
public enum ExecutionStatus {
    NOT_STARTED(false, false),
    RUNNING(false, false),
    /** Waiting to be polled again (a task returned Running(checkAgainAfter)). */
    WAITING(false, false),
    SUCCEEDED(true, false),
    FAILED(true, true),
    CANCELED(true, true),
    SKIPPED(true, false),
    /** Stopped by the timeout of its stage. */
    TIMED_OUT(true, true);

    private final boolean complete;
    private final boolean halt;

    ExecutionStatus(boolean complete, boolean halt) {
        this.complete = complete;
        this.halt = halt;
    }

    /** True once nothing more will happen to the execution. */
    public boolean isComplete() {
        return complete;
    }

    /** True when the execution stops the pipeline that contains it. */
    public boolean isHalt() {
        return halt;
    }
}
