package io.inception.sandbox.ssh;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Which package versions a simulated {@code apt-get update} finds for one apt source line. */
public interface PackageIndex {
    /** What reading one source gave: the versions it offers, or apt's error lines. */
    sealed interface Fetch {
        /** @param versions versions per package */
        record Found(Map<String, List<String>> versions) implements Fetch {
        }

        /** @param error what apt prints (one or more {@code W:}/{@code E:} lines) */
        record Failed(String error) implements Fetch {
        }
    }

    /**
     * Versions by package name that the source offers.
     *
     * @param sourceLine a {@code deb ...} line from the host's sources list
     * @return versions per package, or empty when the source cannot be read (apt prints an error)
     */
    Optional<Map<String, List<String>>> read(String sourceLine);

    /**
     * Reads the source as the host {@code files} describes it (a {@code signed-by} keyring is one of
     * its files). By default the host's files do not matter and a source that cannot be read is
     * reported as apt reports a missing one.
     */
    default Fetch fetch(String sourceLine, Function<String, Optional<String>> files) {
        return read(sourceLine).<Fetch>map(Fetch.Found::new)
                .orElseGet(() -> new Fetch.Failed("E: Failed to fetch " + sourceLine + "  404  Not Found"));
    }

    /** An index that offers the same fixed versions for any source: the fast path of tests. */
    static PackageIndex fixed(Map<String, List<String>> versions) {
        Map<String, List<String>> copy = Map.copyOf(versions);
        return line -> Optional.of(copy);
    }
}
