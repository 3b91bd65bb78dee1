package io.inception.engine.merge;

/** What the merge train does when a branch conflicts. */
public enum ConflictPolicy {
    /** Report every conflict, push nothing: the train failed. */
    FAIL,
    /** Leave the conflicting branch out of the candidate, merge the others and push. */
    SKIP
}
