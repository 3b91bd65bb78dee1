package io.inception.packaging.apt;

/**
 * Where a suite (an environment's distribution, e.g. {@code qe}) points.
 *
 * @param suite           the suite
 * @param buildId         the snapshot it points at now
 * @param previousBuildId the snapshot it pointed at before this change, or null
 * @param generation      how many times the suite was pointed (1 for the first time)
 */
public record SuitePointer(String suite, String buildId, String previousBuildId, long generation) {
}
