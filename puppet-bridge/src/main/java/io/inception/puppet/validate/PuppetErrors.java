package io.inception.puppet.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Puppet's {@code Error:} lines into {@link ManifestProblem}s: the location Puppet appends
 * ({@code (file: /work/tree/x.pp, line: 3, column: 19)}) becomes the file relative to the manifest
 * folder, the line and the column; the rest is the message.
 */
final class PuppetErrors {
    private static final Pattern LOCATION = Pattern.compile(" \\((file: ([^,)]+))?(?:, )?(line: (\\d+))?(?:, )?(column: (\\d+))?\\)");
    private static final String PREFIX = "Error: ";

    private PuppetErrors() {
    }

    /**
     * Every error of a {@code puppet parser validate} log, one per line.
     *
     * @param treeRoot the manifest folder as Puppet saw it (absolute), stripped from file names
     */
    static List<ManifestProblem> all(String log, String treeRoot) {
        List<ManifestProblem> out = new ArrayList<>();
        log.lines().filter(l -> l.startsWith(PREFIX)).forEach(l -> out.add(parse(l.substring(PREFIX.length()), treeRoot)));
        return out;
    }

    /**
     * The error of a failed compile: the first {@code Error:} line that is not Puppet's repetition of
     * it ({@code Could not call 'find' on 'catalog'}) or its usage hint; else the last line of output.
     */
    static ManifestProblem compile(String log, String treeRoot, int exitCode) {
        List<String> errors = log.lines().filter(l -> l.startsWith(PREFIX)).map(l -> l.substring(PREFIX.length())).toList();
        String chosen = errors.stream().filter(e -> !e.startsWith("Could not call 'find'") && !e.startsWith("Try 'puppet help"))
                .findFirst().orElse(errors.stream().filter(e -> !e.startsWith("Try 'puppet help")).findFirst().orElse(null));
        if (chosen != null) return parse(chosen, treeRoot);
        String last = log.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse("no output");
        return new ManifestProblem(null, 0, 0, "puppet exited " + exitCode + ": " + last);
    }

    static ManifestProblem parse(String error, String treeRoot) {
        Matcher m = LOCATION.matcher(error);
        int at = -1;
        while (m.find()) {
            if (m.group(2) != null || m.group(4) != null) at = m.start();
        }
        if (at < 0) return new ManifestProblem(null, 0, 0, error.strip());
        m.find(at);
        String file = m.group(2);
        if (file != null) {
            String root = treeRoot.endsWith("/") ? treeRoot : treeRoot + "/";
            if (file.startsWith(root)) file = file.substring(root.length());
        }
        String message = (error.substring(0, at) + error.substring(m.end())).replaceFirst(" on node \\S+$", "").strip();
        return new ManifestProblem(file, m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), message);
    }
}
