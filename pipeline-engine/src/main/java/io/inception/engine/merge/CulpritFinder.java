package io.inception.engine.merge;

import io.inception.engine.merge.ContentMerge.LineRange;
import io.inception.engine.merge.RenameAwareMerger.ConflictedPath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.blame.BlameGenerator;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Finds the commits to blame for a conflict: those on the merged line (trunk and branches merged
 * before) that the branch has not seen, i.e. since its merge-base, and that touched a conflicting
 * file under any of its names. For a text conflict the list is narrowed, by blame, to the commits
 * that wrote the conflicting lines (when blame finds any). The train's own merge commits are never
 * culprits.
 */
final class CulpritFinder {
    /** Enough to act on; a longer list would hide the point. */
    static final int MAX_CULPRITS = 50;

    private final Repository repo;
    private final ObjectReader reader;

    CulpritFinder(Repository repo, ObjectReader reader) {
        this.repo = repo;
        this.reader = reader;
    }

    List<Culprit> find(ObjectId mergedLine, ObjectId branchHead, List<ConflictedPath> conflicts, Set<ObjectId> ownMerges)
            throws IOException {
        Map<String, Culprit> culprits = new LinkedHashMap<>();
        for (ConflictedPath conflict : conflicts) {
            List<Culprit> touching = touching(mergedLine, branchHead, conflict.aliases(), ownMerges);
            if (!conflict.oursLines().isEmpty()) {
                Set<String> wroteLines = blame(mergedLine, conflict.oursPath(), conflict.oursLines());
                List<Culprit> narrowed = touching.stream().filter(c -> wroteLines.contains(c.sha())).toList();
                if (!narrowed.isEmpty()) {
                    touching = narrowed;
                }
            }
            touching.forEach(c -> culprits.putIfAbsent(c.sha(), c));
        }
        return culprits.values().stream().limit(MAX_CULPRITS).toList();
    }

    /** Commits reachable from the merged line but not from the branch that changed any of {@code paths}. */
    private List<Culprit> touching(ObjectId mergedLine, ObjectId branchHead, Collection<String> paths,
                                   Set<ObjectId> ownMerges) throws IOException {
        List<Culprit> found = new ArrayList<>();
        try (RevWalk walk = new RevWalk(reader)) {
            walk.markStart(walk.parseCommit(mergedLine));
            walk.markUninteresting(walk.parseCommit(branchHead));
            walk.setTreeFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(paths), TreeFilter.ANY_DIFF));
            for (RevCommit c : walk) {
                if (!ownMerges.contains(c.getId())) {
                    PersonIdent a = c.getAuthorIdent();
                    found.add(new Culprit(c.name(), a.getName() + " <" + a.getEmailAddress() + ">", c.getShortMessage()));
                    if (found.size() == MAX_CULPRITS) {
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** The commits that last wrote the given lines of {@code path} as of {@code commit}, following renames. */
    private Set<String> blame(ObjectId commit, String path, List<LineRange> lines) throws IOException {
        Set<String> shas = new HashSet<>();
        try (BlameGenerator generator = new BlameGenerator(repo, path)) {
            generator.setFollowFileRenames(true);
            generator.push(null, commit);
            BlameResult result = BlameResult.create(generator);
            if (result == null) {
                return shas;
            }
            int size = result.getResultContents().size();
            for (LineRange range : lines) {
                // a conflict where our side deleted lines has an empty range: look at its neighbours
                int begin = Math.max(0, range.end() > range.begin() ? range.begin() : range.begin() - 1);
                int end = Math.min(size, Math.max(range.end(), range.begin() + 1));
                if (begin >= end) {
                    continue;
                }
                result.computeRange(begin, end);
                for (int line = begin; line < end; line++) {
                    RevCommit source = result.getSourceCommit(line);
                    if (source != null) {
                        shas.add(source.name());
                    }
                }
            }
        }
        return shas;
    }
}
