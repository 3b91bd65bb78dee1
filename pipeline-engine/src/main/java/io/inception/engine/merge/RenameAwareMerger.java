package io.inception.engine.merge;

import io.inception.engine.merge.ContentMerge.LineRange;
import io.inception.engine.merge.ContentMerge.Resolution;
import io.inception.engine.merge.TreeEntries.Entry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;

/**
 * A three-way tree merge that follows renames like {@code git merge -s ort}: JGit's ResolveMerger
 * matches files by path only, so a branch editing a file that trunk moved would conflict (or worse,
 * resurrect the old path). Here each base file is tracked to its path on either side (see
 * {@link RenameMap}), its versions are merged by {@link ContentMerge}, and the result lands on the
 * renamed path. Rename/rename to different paths, rename or edit vs delete, add/add with different
 * content, files added into a directory the other side renamed, and file/directory clashes conflict.
 */
final class RenameAwareMerger {

    /**
     * A path that could not be merged, with every name the file had (for culprit search) and, for
     * text conflicts, the conflicting lines of our version at {@code oursPath}.
     */
    record ConflictedPath(String path, String kind, Set<String> aliases, String oursPath, List<LineRange> oursLines) {
        ConflictedPath(String path, String kind, Set<String> aliases) {
            this(path, kind, aliases, null, List.of());
        }
    }

    /** The merged tree, or the conflicts (then {@code tree} is null). */
    record Result(ObjectId tree, List<ConflictedPath> conflicts) {
        boolean clean() {
            return conflicts.isEmpty();
        }
    }

    private record Placed(Entry entry, Set<String> aliases) {
    }

    private final ObjectReader reader;
    private final ObjectInserter inserter;
    private final ContentMerge contents;

    RenameAwareMerger(ObjectReader reader, ObjectInserter inserter) {
        this.reader = reader;
        this.inserter = inserter;
        this.contents = new ContentMerge(reader, inserter);
    }

    Result merge(RevTree base, RevTree ours, RevTree theirs) throws IOException {
        Map<String, Entry> b = TreeEntries.read(reader, base);
        Map<String, Entry> o = TreeEntries.read(reader, ours);
        Map<String, Entry> t = TreeEntries.read(reader, theirs);
        RenameMap ro = RenameMap.detect(reader, base, ours, o);
        RenameMap rt = RenameMap.detect(reader, base, theirs, t);

        Map<String, List<Placed>> placed = new HashMap<>(b.size() * 2);
        Map<String, ConflictedPath> conflicts = new TreeMap<>();

        for (Map.Entry<String, Entry> be : b.entrySet()) {
            String p = be.getKey();
            String op = pathOn(p, ro, o);
            String tp = pathOn(p, rt, t);
            Set<String> aliases = aliases(p, op, tp);
            if (op == null && tp == null) {
                continue; // deleted on both sides
            }
            if (op == null || tp == null) {
                String kept = op == null ? tp : op;
                Entry keptEntry = op == null ? t.get(tp) : o.get(op);
                if (kept.equals(p) && keptEntry.equals(be.getValue())) {
                    continue; // one side deleted a file the other left alone
                }
                conflict(conflicts, kept, kept.equals(p) ? "modify/delete" : "rename/delete", aliases);
                continue;
            }
            String target;
            if (op.equals(tp) || tp.equals(p)) {
                target = op;
            } else if (op.equals(p)) {
                target = tp;
            } else {
                conflict(conflicts, op, "rename/rename", aliases);
                conflict(conflicts, tp, "rename/rename", aliases);
                continue;
            }
            if ((!tp.equals(p) && ro.renamedDirectoryOf(tp) != null)
                    || (!op.equals(p) && rt.renamedDirectoryOf(op) != null)) {
                conflict(conflicts, target, "directory rename", aliases);
                continue;
            }
            Resolution r = contents.merge(be.getValue(), o.get(op), t.get(tp));
            if (!r.clean()) {
                conflicts.put(target, new ConflictedPath(target, r.conflict(), aliases, op, r.oursLines()));
                continue;
            }
            placed.computeIfAbsent(target, k -> new ArrayList<>()).add(new Placed(r.entry(), aliases));
        }
        placeAdded(o, b, ro, rt, placed, conflicts);
        placeAdded(t, b, rt, ro, placed, conflicts);

        Map<String, Entry> merged = new HashMap<>(placed.size() * 2);
        for (Map.Entry<String, List<Placed>> pe : placed.entrySet()) {
            List<Placed> here = pe.getValue();
            Entry first = here.get(0).entry();
            if (here.stream().allMatch(x -> x.entry().equals(first))) {
                merged.put(pe.getKey(), first);
            } else {
                Set<String> aliases = new LinkedHashSet<>();
                here.forEach(x -> aliases.addAll(x.aliases()));
                conflict(conflicts, pe.getKey(), "add/add", aliases);
            }
        }
        for (String path : merged.keySet()) {
            for (String dir = RenameMap.parent(path); dir != null; dir = RenameMap.parent(dir)) {
                if (merged.containsKey(dir)) {
                    conflict(conflicts, dir, "file/directory", Set.of(dir, path));
                }
            }
        }
        if (!conflicts.isEmpty()) {
            return new Result(null, List.copyOf(conflicts.values()));
        }
        return new Result(writeTree(merged), List.of());
    }

    /** Files one side added (not renames): kept, unless they fall into a directory the other side renamed. */
    private static void placeAdded(Map<String, Entry> side, Map<String, Entry> base, RenameMap own,
                                   RenameMap other, Map<String, List<Placed>> placed,
                                   Map<String, ConflictedPath> conflicts) {
        for (Map.Entry<String, Entry> e : side.entrySet()) {
            String q = e.getKey();
            if (base.containsKey(q) || own.isTarget(q)) {
                continue;
            }
            if (other.renamedDirectoryOf(q) != null) {
                conflict(conflicts, q, "directory rename", Set.of(q));
                continue;
            }
            placed.computeIfAbsent(q, k -> new ArrayList<>()).add(new Placed(e.getValue(), Set.of(q)));
        }
    }

    private static String pathOn(String basePath, RenameMap renames, Map<String, Entry> side) {
        String renamed = renames.renamedTo(basePath);
        if (renamed != null) {
            return renamed;
        }
        return side.containsKey(basePath) ? basePath : null;
    }

    private static Set<String> aliases(String... paths) {
        Set<String> set = new LinkedHashSet<>();
        for (String p : paths) {
            if (p != null) {
                set.add(p);
            }
        }
        return set;
    }

    private static void conflict(Map<String, ConflictedPath> conflicts, String path, String kind,
                                 Set<String> aliases) {
        conflicts.merge(path, new ConflictedPath(path, kind, aliases), (a, n) -> {
            Set<String> all = new LinkedHashSet<>(a.aliases());
            all.addAll(n.aliases());
            return new ConflictedPath(path, a.kind(), all, a.oursPath(), a.oursLines());
        });
    }

    private ObjectId writeTree(Map<String, Entry> merged) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        for (Map.Entry<String, Entry> e : merged.entrySet()) {
            DirCacheEntry entry = new DirCacheEntry(e.getKey());
            entry.setFileMode(FileMode.fromBits(e.getValue().mode()));
            entry.setObjectId(e.getValue().id());
            builder.add(entry);
        }
        builder.finish(); // sorts the entries in git's order
        return index.writeTree(inserter);
    }
}
