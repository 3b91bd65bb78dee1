package io.inception.engine.merge;

/** The verdict for one custom branch in a merge train. */
public enum MergeStatus {
    /** Merged cleanly into the candidate. */
    MERGED,
    /** Nothing to merge: the branch head is already contained in the candidate. */
    UP_TO_DATE,
    /** The branch conflicts; with {@link ConflictPolicy#FAIL} nothing is pushed. */
    CONFLICT,
    /** The branch conflicts and was left out of the candidate ({@link ConflictPolicy#SKIP}). */
    SKIPPED
}
