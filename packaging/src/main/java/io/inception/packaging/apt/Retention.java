package io.inception.packaging.apt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes snapshots that no suite points at and that are older than the newest {@code keep} builds,
 * then the pool files nothing references any more. A snapshot that a suite points at is never removed.
 */
final class Retention {
    private final RepoLayout layout;
    private final SuiteSwitch suites;

    Retention(RepoLayout layout, SuiteSwitch suites) {
        this.layout = layout;
        this.suites = suites;
    }

    /** Under the repository lock; {@code snapshotsNewestFirst} as listed by the repository. */
    RetentionReport apply(int keep, List<AptSnapshot> snapshotsNewestFirst) throws IOException {
        if (keep < 1) throw new IllegalArgumentException("retention must keep at least 1 build, got " + keep);
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < snapshotsNewestFirst.size(); i++) {
            AptSnapshot s = snapshotsNewestFirst.get(i);
            if (i < keep || !s.pointedBy().isEmpty()) {
                kept.add(s.buildId());
                continue;
            }
            // rename away first, so a reader never sees half a snapshot
            Files.createDirectories(layout.tmp());
            Path trash = Files.createTempDirectory(layout.tmp(), "removed-");
            Files.move(layout.snapshot(s.buildId()), trash.resolve(s.buildId()), StandardCopyOption.ATOMIC_MOVE);
            RepoLayout.deleteRecursively(trash);
            removed.add(s.buildId());
        }
        removeAbandonedStaging();
        return new RetentionReport(removed, collectPool(), kept);
    }

    /** Staging left by a process killed mid-publish: every writer holds the lock, so nothing in .tmp is live now. */
    private void removeAbandonedStaging() throws IOException {
        if (!Files.isDirectory(layout.tmp())) return;
        try (Stream<Path> s = Files.list(layout.tmp())) {
            for (Path p : s.toList()) RepoLayout.deleteRecursively(p);
        }
    }

    private List<String> collectPool() throws IOException {
        Set<String> referenced = new HashSet<>();
        List<Path> dists = new ArrayList<>(suites.allGenerations());
        if (Files.isDirectory(layout.snapshots())) {
            try (Stream<Path> s = Files.list(layout.snapshots())) {
                dists.addAll(s.toList());
            }
        }
        for (Path dist : dists) {
            for (PoolPackage p : SnapshotPublisher.readPackages(dist)) referenced.add(p.filename());
        }
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(layout.pool())) return removed;
        try (Stream<Path> walk = Files.walk(layout.pool())) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = layout.root().relativize(f).toString().replace('\\', '/');
                if (!referenced.contains(rel)) {
                    Files.delete(f);
                    removed.add(rel);
                }
            }
        }
        return removed;
    }
}
