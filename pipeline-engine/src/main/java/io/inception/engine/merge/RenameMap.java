package io.inception.engine.merge;

import io.inception.engine.merge.TreeEntries.Entry;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The renames one side made since the merge-base, found the way {@code git merge} (ort) finds them:
 * only deleted paths can be sources, similarity at least 50 %, plus the directory renames implied by
 * them (a directory that disappeared and whose files mostly went to one new directory).
 */
final class RenameMap {
    /** git's default rename score for merges (JGit's default is 60). */
    static final int RENAME_SCORE = 50;
    /** git's default merge.renameLimit. */
    static final int RENAME_LIMIT = 7000;

    private final Map<String, String> files;
    private final Map<String, String> directories;
    private final Set<String> targets;

    private RenameMap(Map<String, String> files, Map<String, String> directories) {
        this.files = files;
        this.directories = directories;
        this.targets = new HashSet<>(files.values());
    }

    static RenameMap detect(ObjectReader reader, RevTree base, RevTree side, Map<String, Entry> sideEntries)
            throws IOException {
        Map<String, String> files = new HashMap<>();
        if (base != null) {
            try (TreeWalk walk = new TreeWalk(reader)) {
                walk.addTree(base);
                walk.addTree(side);
                walk.setRecursive(true);
                walk.setFilter(TreeFilter.ANY_DIFF);
                List<DiffEntry> changes = DiffEntry.scan(walk);
                boolean adds = changes.stream().anyMatch(e -> e.getChangeType() == DiffEntry.ChangeType.ADD);
                boolean deletes = changes.stream().anyMatch(e -> e.getChangeType() == DiffEntry.ChangeType.DELETE);
                if (!adds || !deletes) {
                    return new RenameMap(files, Map.of()); // nothing can be a rename
                }
                RenameDetector detector = new RenameDetector(reader,
                        new org.eclipse.jgit.lib.Config().get(org.eclipse.jgit.diff.DiffConfig.KEY));
                detector.setRenameScore(RENAME_SCORE);
                detector.setRenameLimit(RENAME_LIMIT);
                detector.addAll(changes);
                for (DiffEntry e : detector.compute(reader, org.eclipse.jgit.lib.NullProgressMonitor.INSTANCE)) {
                    if (e.getChangeType() == DiffEntry.ChangeType.RENAME) {
                        files.put(e.getOldPath(), e.getNewPath());
                    }
                }
            } catch (org.eclipse.jgit.api.errors.CanceledException e) {
                throw new IOException(e);
            }
        }
        return new RenameMap(files, directoryRenames(files, sideEntries));
    }

    /** Where this side moved {@code basePath}, or null if it did not rename it. */
    String renamedTo(String basePath) {
        return files.get(basePath);
    }

    boolean isTarget(String path) {
        return targets.contains(path);
    }

    /** The renamed directory (old name) that contains {@code path}, or null. */
    String renamedDirectoryOf(String path) {
        for (String dir = parent(path); dir != null; dir = parent(dir)) {
            if (directories.containsKey(dir)) {
                return dir;
            }
        }
        return null;
    }

    String newDirectory(String oldDir) {
        return directories.get(oldDir);
    }

    private static Map<String, String> directoryRenames(Map<String, String> files, Map<String, Entry> sideEntries) {
        if (files.isEmpty()) {
            return Map.of();
        }
        Set<String> sideDirs = new HashSet<>();
        for (String path : sideEntries.keySet()) {
            for (String dir = parent(path); dir != null && sideDirs.add(dir); dir = parent(dir)) {
                // every ancestor directory that still exists on this side
            }
        }
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (Map.Entry<String, String> r : files.entrySet()) {
            String oldDir = parent(r.getKey());
            String newDir = parent(r.getValue());
            // like git: credit the parent, then ancestors as long as the trailing names agree
            while (oldDir != null && !oldDir.equals(newDir)) {
                votes.computeIfAbsent(oldDir, k -> new HashMap<>()).merge(newDir == null ? "" : newDir, 1, Integer::sum);
                if (newDir == null || !name(oldDir).equals(name(newDir))) {
                    break;
                }
                oldDir = parent(oldDir);
                newDir = parent(newDir);
            }
        }
        Map<String, String> dirs = new HashMap<>();
        votes.forEach((oldDir, counts) -> {
            if (sideDirs.contains(oldDir)) {
                return; // the directory still exists: not a directory rename
            }
            String best = null;
            int bestCount = 0;
            boolean tie = false;
            for (Map.Entry<String, Integer> c : counts.entrySet()) {
                if (c.getValue() > bestCount) {
                    best = c.getKey();
                    bestCount = c.getValue();
                    tie = false;
                } else if (c.getValue() == bestCount) {
                    tie = true;
                }
            }
            if (best != null && !tie) {
                dirs.put(oldDir, best);
            }
        });
        return dirs;
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? null : path.substring(0, slash);
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
