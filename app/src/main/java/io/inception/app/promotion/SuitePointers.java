package io.inception.app.promotion;

import java.io.IOException;
import java.util.Optional;

/**
 * The apt suites environments install from ({@code qe}, {@code staging}), each pointing at one build's
 * snapshot. Promotion repoints a suite; nothing is rebuilt. {@link AptSuitePointers} is the real one.
 */
public interface SuitePointers {
    /** The build {@code suite} points at, if any. */
    Optional<String> current(String suite) throws IOException;

    /** Points {@code suite} at the snapshot of {@code buildId}; returns the snapshot's name. */
    String point(String suite, String buildId) throws IOException;
}
