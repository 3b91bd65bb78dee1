package io.inception.engine.unittest;

/** How a test command ended. */
public enum UnitTestOutcome {
    /** Exit code 0. */
    PASSED,
    /** A non-zero exit code other than 127. */
    FAILED,
    /** Exit code 127: bash could not find the command (or a command it ran). */
    COMMAND_NOT_FOUND,
    /** Killed, with its process tree, when the timeout passed. */
    TIMED_OUT,
    /** Killed, with its process tree, because the run was cancelled. */
    CANCELLED
}
