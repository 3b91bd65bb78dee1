package io.inception.engine.store;

/** Where a promotion is. Only a SUCCEEDED promotion changes what an environment runs. */
public enum PromotionStatus {
    /** Asked for; waits for a release manager's approval. */
    PENDING,
    /** Approved; the environment is being deployed. */
    RUNNING,
    /** The environment runs the build. */
    SUCCEEDED,
    /** The deploy failed; the environment was left on (or put back to) the previous build. */
    FAILED,
    /** A release manager declined it; nothing was deployed. */
    REJECTED;

    public boolean isComplete() {
        return this == SUCCEEDED || this == FAILED || this == REJECTED;
    }
}
