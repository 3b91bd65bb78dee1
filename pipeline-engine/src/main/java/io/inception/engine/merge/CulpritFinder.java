package io.inception.engine.merge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Finds the commits to blame for a conflict: those on the merged line (trunk and branches merged
 * before) that the branch has not seen, i.e. since its merge-base, and that touched a conflicting
 * file under any of its names. The train's own merge commits are not culprits.
 */
final class CulpritFinder {
    /** Enough to act on; a longer list would hide the point. */
    static final int MAX_CULPRITS = 50;

    private final ObjectReader reader;

    CulpritFinder(ObjectReader reader) {
        this.reader = reader;
    }

    List<Culprit> find(ObjectId mergedLine, ObjectId branchHead, Collection<String> paths, Set<ObjectId> ownMerges)
            throws IOException {
        List<Culprit> culprits = new ArrayList<>();
        if (paths.isEmpty()) {
            return culprits;
        }
        try (RevWalk walk = new RevWalk(reader)) {
            walk.markStart(walk.parseCommit(mergedLine));
            walk.markUninteresting(walk.parseCommit(branchHead));
            walk.setTreeFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(paths), TreeFilter.ANY_DIFF));
            for (RevCommit c : walk) {
                if (ownMerges.contains(c.getId())) {
                    continue;
                }
                PersonIdent a = c.getAuthorIdent();
                culprits.add(new Culprit(c.name(), a.getName() + " <" + a.getEmailAddress() + ">", c.getShortMessage()));
                if (culprits.size() == MAX_CULPRITS) {
                    break;
                }
            }
        }
        return culprits;
    }
}
