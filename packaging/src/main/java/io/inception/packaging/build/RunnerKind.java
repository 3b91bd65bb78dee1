package io.inception.packaging.build;

/** Which runner ran a command; stored with the build. */
public enum RunnerKind {
    /** A throwaway container (docker-java), the checkout mounted read-only. */
    DOCKER,
    /** A local process in a scratch copy of the checkout (no Docker available). */
    LOCAL
}
