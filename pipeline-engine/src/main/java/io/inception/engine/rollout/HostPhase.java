package io.inception.engine.rollout;

/** Where one host is in a rollout; stored on every transition. */
public enum HostPhase {
    PENDING, DRAINING, UPGRADING, VERIFYING, UNDRAINING, DONE, FAILED, ROLLING_BACK, ROLLED_BACK;

    /** A host in this phase had work under way when the orchestrator stopped; a resume re-checks it. */
    public boolean inFlight() {
        return this == DRAINING || this == UPGRADING || this == VERIFYING || this == UNDRAINING || this == ROLLING_BACK;
    }

    /** No more work will be done on the host in this rollout (unless rolled back with {@code rollback: all}). */
    public boolean isFinal() {
        return this == DONE || this == FAILED || this == ROLLED_BACK;
    }

    /** The host counts against the failure budget. */
    public boolean isFailure() {
        return this == FAILED || this == ROLLED_BACK;
    }
}
