package io.inception.sandbox.ssh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code deb [options] URI SUITE [COMPONENT...]} line as apt reads it (one-line style): a suite
 * ending in {@code /} is a flat repository and has no components.
 *
 * @param options   the bracketed options, e.g. {@code signed-by} and {@code trusted}
 * @param uri       the repository's base URI, without a trailing slash
 * @param suite     the suite, e.g. {@code qe} or {@code builds/b-42}
 * @param components the components, e.g. {@code main}
 */
record AptSource(Map<String, String> options, String uri, String suite, List<String> components) {
    AptSource {
        options = Map.copyOf(options);
        components = List.copyOf(components);
    }

    /** Parses a line, or empty when it is not a well-formed {@code deb} line. */
    static Optional<AptSource> parse(String line) {
        String rest = line.trim();
        if (!rest.startsWith("deb ")) return Optional.empty();
        rest = rest.substring(4).trim();
        Map<String, String> options = new HashMap<>();
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) return Optional.empty();
            for (String option : rest.substring(1, close).trim().split("\\s+")) {
                int eq = option.indexOf('=');
                if (eq > 0) options.put(option.substring(0, eq), option.substring(eq + 1));
            }
            rest = rest.substring(close + 1).trim();
        }
        List<String> words = new ArrayList<>(List.of(rest.split("\\s+")));
        if (words.size() < 2) return Optional.empty();
        String uri = words.get(0).endsWith("/") ? words.get(0).substring(0, words.get(0).length() - 1) : words.get(0);
        String suite = words.get(1);
        List<String> components = words.subList(2, words.size());
        if (suite.endsWith("/") != components.isEmpty()) return Optional.empty();
        return Optional.of(new AptSource(options, uri, suite, components));
    }

    boolean flat() {
        return suite.endsWith("/");
    }

    boolean trusted() {
        return "yes".equals(options.get("trusted"));
    }

    Optional<String> signedBy() {
        return Optional.ofNullable(options.get("signed-by"));
    }

    /** Where {@code InRelease} and the indexes are: {@code URI/dists/SUITE}, or {@code URI/SUITE} when flat. */
    String distUri() {
        return flat() ? uri + "/" + suite.substring(0, suite.length() - 1) : uri + "/dists/" + suite;
    }

    /** The Packages files apt reads, as Release names them ({@code main/binary-amd64/Packages}). */
    List<String> packagesPaths(String architecture) {
        if (flat()) return List.of("Packages");
        return components.stream().map(c -> c + "/binary-" + architecture + "/Packages").toList();
    }

    /** How apt names the source in its messages: {@code http://host/apt builds/b-42}. */
    String describe() {
        return uri + " " + suite;
    }
}
