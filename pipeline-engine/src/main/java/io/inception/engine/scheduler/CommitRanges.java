package io.inception.engine.scheduler;

/**
 * Tells whether the commits a branch gained touch files a {@link PathFilter} counts, for trunk-moved
 * triggers with {@code paths:}. {@link FetchedCommitRanges} is the JGit implementation.
 */
public interface CommitRanges {
    /**
     * Looks at every commit reachable from {@code toSha} and not from {@code fromSha} — the range
     * {@code (from, to]} — and reports the first whose changes include a path {@code filter} counts.
     * A commit's changes are its diff to its parent; a merge's are the paths that differ from every
     * parent (what the merge itself did; what its other parent brought is in that side's commits).
     * When no commit of the range does, the trees of the two heads are compared too: a branch moved back
     * or rewritten drops commits that the range does not list.
     *
     * @param repoUrl the repository; may carry credentials, which never appear in messages
     * @param ref     the full ref name the commits were read from, e.g. {@code refs/heads/master}
     * @throws BranchHeads.BranchHeadException when the commits cannot be fetched or read; the message names
     *                                         the URL with its password masked
     */
    RangeChanges changes(String repoUrl, String ref, String fromSha, String toSha, PathFilter filter)
            throws BranchHeads.BranchHeadException;

    /**
     * Makes sure {@code sha} of {@code ref} is at hand for later {@link #changes} from it: called when a
     * path-filtered trigger takes {@code sha} as its baseline, so that a branch later moved back from it
     * can still be compared. Does nothing unless overridden.
     *
     * @throws BranchHeads.BranchHeadException when it cannot be fetched (message without password)
     */
    default void keep(String repoUrl, String ref, String sha) throws BranchHeads.BranchHeadException {
    }

    /** What a range of commits did to the filtered paths. */
    sealed interface RangeChanges {
        /** One line for logs and the trigger event. */
        String describe();
    }

    /** {@code commit} changed {@code path}, which the filter counts. */
    record Touched(String commit, String path, int commitsLooked) implements RangeChanges {
        @Override
        public String describe() {
            return path + " changed in " + TriggerScheduler.abbreviate(commit);
        }
    }

    /** No commit of the range changed {@code path}, but it differs between the two heads (the branch went back). */
    record Differs(String path) implements RangeChanges {
        @Override
        public String describe() {
            return path + " differs between the last seen commit and the new head (the branch went back or was rewritten)";
        }
    }

    /** None of the {@code commits} in the range changed a counted path. */
    record Untouched(int commits) implements RangeChanges {
        @Override
        public String describe() {
            return commits + (commits == 1 ? " commit" : " commits") + ", none changing a matching path";
        }
    }

    /** The range cannot be told (the old commit is not in the fetched history: the branch was rewritten). */
    record Unknown(String why) implements RangeChanges {
        @Override
        public String describe() {
            return why;
        }
    }
}
