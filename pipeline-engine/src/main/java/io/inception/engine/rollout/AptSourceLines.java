package io.inception.engine.rollout;

/**
 * How hosts reach the build's apt repository: the {@code deb ...} line for one of its suites (a
 * snapshot {@code builds/<id>} or an environment's suite). Packaging makes it, with the served
 * repository's URL and the keyring path the hosts hold.
 */
@FunctionalInterface
public interface AptSourceLines {
    /** The one-line {@code deb [signed-by=...] URL SUITE main} source for {@code suite}. */
    String forSuite(String suite);
}
