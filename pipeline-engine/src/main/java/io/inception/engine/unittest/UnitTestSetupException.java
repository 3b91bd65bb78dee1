package io.inception.engine.unittest;

/**
 * The tests could not be started: the repository is unreachable or not a repository, the commit is
 * not in it, or the work folder cannot be written. The message names the repository (password
 * masked) and the commit.
 */
public final class UnitTestSetupException extends Exception {
    private final boolean transientFailure;

    public UnitTestSetupException(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    /** True when trying again later may work (network, I/O); false when the input must change. */
    public boolean isTransient() {
        return transientFailure;
    }
}
