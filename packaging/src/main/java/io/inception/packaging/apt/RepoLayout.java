package io.inception.packaging.apt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where things live in a repository folder:
 * <pre>
 * pool/main/n/nova-compute/*.deb              every package once, shared by snapshots
 * dists/builds/&lt;build-id&gt;/                    immutable snapshot of one build (signed)
 * dists/&lt;suite&gt; -&gt; ../suites/&lt;suite&gt;/&lt;gen&gt;-&lt;build-id&gt;   symlink, swapped atomically on repoint
 * suites/&lt;suite&gt;/&lt;gen&gt;-&lt;build-id&gt;/          the suite's signed indexes for that snapshot
 * .tmp/                                       staging, never served
 * </pre>
 */
record RepoLayout(Path root) {
    static final Pattern BUILD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+~-]{0,99}");
    static final Pattern SUITE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,49}");
    static final String SNAPSHOT_META = "inception-snapshot.properties";

    Path pool() {
        return root.resolve("pool");
    }

    Path dists() {
        return root.resolve("dists");
    }

    Path snapshots() {
        return dists().resolve("builds");
    }

    Path snapshot(String buildId) {
        return snapshots().resolve(buildId);
    }

    Path suiteLink(String suite) {
        return dists().resolve(suite);
    }

    Path suiteGenerations(String suite) {
        return root.resolve("suites").resolve(suite);
    }

    Path tmp() {
        return root.resolve(".tmp");
    }

    /** {@code pool/main/<n or libx>/<name>/<file>}, as Debian archives lay it out. */
    static String poolPath(String name, String fileName) {
        String prefix = name.startsWith("lib") && name.length() > 3 ? name.substring(0, 4) : name.substring(0, 1);
        return "pool/" + DistWriter.COMPONENT + "/" + prefix + "/" + name + "/" + fileName;
    }

    static String checkBuildId(String id) throws PublishException {
        if (id == null || !BUILD_ID.matcher(id).matches()) {
            throw new PublishException("invalid build id '" + id + "': use letters, digits and . _ + ~ - (max 100)");
        }
        return id;
    }

    static String checkSuite(String suite) throws PublishException {
        if (suite == null || !SUITE.matcher(suite).matches() || suite.equals("builds")) {
            throw new PublishException("invalid suite '" + suite + "': use lower-case letters, digits, '.' and '-'"
                    + " (and not 'builds', which holds the snapshots)");
        }
        return suite.toLowerCase(Locale.ROOT);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
