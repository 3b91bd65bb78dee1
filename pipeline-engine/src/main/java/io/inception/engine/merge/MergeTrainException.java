package io.inception.engine.merge;

/**
 * A merge train that could not run because of its input: the message names the branch (or the
 * push target) and says what to fix. It never contains a password.
 */
public final class MergeTrainException extends RuntimeException {

    /** What went wrong, so callers can pick an exit code without parsing messages. */
    public enum Kind {
        /** Malformed input: not URL#branch, not a URL, no trunk given. */
        BAD_INPUT,
        /** The repository could not be reached (network, authentication, missing path). */
        UNREACHABLE,
        /** The URL answered but is not a git repository. */
        NOT_A_REPOSITORY,
        /** The repository has no such branch. */
        MISSING_BRANCH,
        /** The branch shares no history with trunk. */
        UNRELATED_HISTORY,
        /** The push target refused the candidate (checked out in a working tree, locked, rejected). */
        TARGET_REJECTED,
        /** The local work directory could not be used. */
        WORK_DIR
    }

    private final Kind kind;
    private final String branchName;

    public MergeTrainException(Kind kind, String branchName, String message) {
        super(message);
        this.kind = kind;
        this.branchName = branchName;
    }

    public MergeTrainException(Kind kind, String branchName, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.branchName = branchName;
    }

    public Kind kind() {
        return kind;
    }

    /** The branch (or push target) the error is about. */
    public String branchName() {
        return branchName;
    }
}
