package io.inception.packaging.apt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Points a suite at a snapshot: writes a new signed generation of the suite next to the old one,
 * then swaps the {@code dists/<suite>} symlink with one {@code rename(2)}. A reader resolves the link
 * once per file and sees the old or the new generation; apt, which reads InRelease first and then
 * fetches indexes by hash, sees one consistent set (the previous generation's indexes stay reachable
 * under by-hash). A failure before the rename leaves the suite as it was.
 */
final class SuiteSwitch {
    private final RepoLayout layout;
    private final DistWriter writer;

    SuiteSwitch(RepoLayout layout, DistWriter writer) {
        this.layout = layout;
        this.writer = writer;
    }

    /** Under the repository lock. */
    SuitePointer point(String suite, String buildId) throws Exception {
        Path snapshot = layout.snapshot(buildId);
        if (!Files.isDirectory(snapshot)) {
            throw new PublishException("there is no snapshot builds/" + buildId + " to point " + suite + " at");
        }
        Optional<Current> current = current(suite);
        long generation = current.map(c -> c.generation() + 1).orElse(1L);
        Path generations = Files.createDirectories(layout.suiteGenerations(suite));
        Path target = generations.resolve(String.format("%06d-%s", generation, buildId));

        Files.createDirectories(layout.tmp());
        Path staging = Files.createTempDirectory(layout.tmp(), "suite-" + suite + "-");
        Path link = null;
        try {
            Map<String, String> indexes = new LinkedHashMap<>();
            try (Stream<Path> archs = Files.list(snapshot.resolve(DistWriter.COMPONENT))) {
                for (Path arch : archs.sorted().toList()) {
                    indexes.put(arch.getFileName().toString().substring("binary-".length()),
                            Files.readString(arch.resolve("Packages")));
                }
            }
            List<Path> carry = current.isPresent() ? currentIndexesByHash(current.get().dir()) : List.of();
            writer.write(staging, suite, suite, "Inception suite " + suite + " (snapshot builds/" + buildId + ")",
                    indexes, carry);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);

            Files.createDirectories(layout.dists());
            link = layout.dists().resolve("." + suite + ".link-" + generation);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, layout.dists().relativize(target));
            Files.move(link, layout.suiteLink(suite), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            link = null;
        } catch (Exception e) {
            RepoLayout.deleteRecursively(target);
            throw e;
        } finally {
            RepoLayout.deleteRecursively(staging);
            if (link != null) Files.deleteIfExists(link);
        }
        removeOldGenerations(suite, target, current.map(Current::dir).orElse(null));
        return new SuitePointer(suite, buildId, current.map(Current::buildId).orElse(null), generation);
    }

    /** Every suite and the build it points at, by suite name. */
    Map<String, SuitePointer> pointers() throws IOException {
        Map<String, SuitePointer> out = new TreeMap<>();
        if (!Files.isDirectory(layout.dists())) return out;
        try (Stream<Path> entries = Files.list(layout.dists())) {
            for (Path p : entries.filter(Files::isSymbolicLink).toList()) {
                String suite = p.getFileName().toString();
                if (suite.startsWith(".")) continue;
                current(suite).ifPresent(c -> out.put(suite, new SuitePointer(suite, c.buildId(), null, c.generation())));
            }
        }
        return out;
    }

    /** The generation folders of all suites (their Packages reference pool files too). */
    List<Path> allGenerations() throws IOException {
        List<Path> out = new ArrayList<>();
        Path suites = layout.root().resolve("suites");
        if (!Files.isDirectory(suites)) return out;
        try (Stream<Path> s = Files.list(suites)) {
            for (Path suite : s.toList()) {
                try (Stream<Path> g = Files.list(suite)) {
                    out.addAll(g.toList());
                }
            }
        }
        return out;
    }

    private Optional<Current> current(String suite) throws IOException {
        Path link = layout.suiteLink(suite);
        if (!Files.isSymbolicLink(link)) {
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(link + " should be a symlink to a suite generation; remove it by hand");
            }
            return Optional.empty();
        }
        Path dir = layout.dists().resolve(Files.readSymbolicLink(link)).normalize();
        String name = dir.getFileName().toString();
        int dash = name.indexOf('-');
        return Optional.of(new Current(dir, Long.parseLong(name.substring(0, dash)), name.substring(dash + 1)));
    }

    /**
     * The by-hash files that the current generation's Release lists: what an apt that read that
     * InRelease will ask for. Files that are missing (damaged by hand) are left out.
     */
    private static List<Path> currentIndexesByHash(Path generation) throws IOException {
        List<Path> out = new ArrayList<>();
        Path release = generation.resolve("Release");
        if (!Files.isRegularFile(release)) return out;
        boolean inSha256 = false;
        for (String line : Files.readAllLines(release)) {
            if (!line.startsWith(" ")) {
                inSha256 = line.equals("SHA256:");
                continue;
            }
            String[] parts = line.strip().split("\\s+");
            if (!inSha256 || parts.length != 3) continue;
            Path indexDir = generation.resolve(parts[2]).getParent();
            Path byHash = indexDir.resolve("by-hash/SHA256").resolve(parts[0]);
            if (Files.isRegularFile(byHash)) out.add(byHash);
        }
        return out;
    }

    /** Keeps the new and the previous generation (a reader may still be inside it); removes the rest. */
    private void removeOldGenerations(String suite, Path keep, Path previous) throws IOException {
        try (Stream<Path> g = Files.list(layout.suiteGenerations(suite))) {
            for (Path p : g.toList()) {
                if (!p.equals(keep) && !p.equals(previous)) RepoLayout.deleteRecursively(p);
            }
        }
    }

    /** A suite's current generation. */
    private record Current(Path dir, long generation, String buildId) {
    }
}
