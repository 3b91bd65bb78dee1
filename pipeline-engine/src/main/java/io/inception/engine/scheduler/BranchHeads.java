package io.inception.engine.scheduler;

/**
 * Reads the commit a branch of a remote repository points at, without cloning it.
 * {@link LsRemoteBranchHeads} is the JGit implementation.
 */
public interface BranchHeads {
    /**
     * The SHA of {@code ref} (a full ref name, e.g. {@code refs/heads/master}) in {@code repoUrl}.
     *
     * @throws BranchHeadException when the repository is unreachable or has no such ref; the message
     *                             names the ref and the URL with its password masked
     */
    String head(String repoUrl, String ref) throws BranchHeadException;

    /** Reading a branch head failed; the message never contains a password. */
    final class BranchHeadException extends Exception {
        public BranchHeadException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
