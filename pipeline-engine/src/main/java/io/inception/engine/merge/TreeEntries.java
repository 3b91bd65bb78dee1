package io.inception.engine.merge;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/** A tree flattened to {@code path -> (mode, blob)}: the merger works on whole paths. */
final class TreeEntries {

    /** One file (or symlink, or submodule) of a tree. */
    record Entry(int mode, ObjectId id) {
        boolean isRegularFile() {
            return FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode);
        }
    }

    private TreeEntries() {
    }

    static Map<String, Entry> read(ObjectReader reader, RevTree tree) throws IOException {
        Map<String, Entry> entries = new HashMap<>(4096);
        if (tree == null) {
            return entries;
        }
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                entries.put(walk.getPathString(), new Entry(walk.getRawMode(0), walk.getObjectId(0)));
            }
        }
        return entries;
    }
}
