package io.inception.sandbox.ssh;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which package versions a simulated {@code apt-get update} finds for one apt source line. */
public interface PackageIndex {
    /**
     * Versions by package name that the source offers.
     *
     * @param sourceLine a {@code deb ...} line from the host's sources list
     * @return versions per package, or empty when the source cannot be read (apt prints an error)
     */
    Optional<Map<String, List<String>>> read(String sourceLine);

    /** An index that offers the same fixed versions for any source: the fast path of tests. */
    static PackageIndex fixed(Map<String, List<String>> versions) {
        Map<String, List<String>> copy = Map.copyOf(versions);
        return line -> Optional.of(copy);
    }
}
