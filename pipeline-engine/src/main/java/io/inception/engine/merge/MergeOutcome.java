package io.inception.engine.merge;

import java.util.List;

/** The expected results of merging one branch into the candidate so far; never an exception. */
public sealed interface MergeOutcome {

    /** The branch merged cleanly; {@code commitSha} is the new merge commit. */
    record Clean(String commitSha, String treeSha) implements MergeOutcome {
    }

    /** The branch head is already in the candidate. */
    record UpToDate() implements MergeOutcome {
    }

    /** The branch conflicts on {@code files}; {@code culprits} are the commits that touched them. */
    record Conflict(List<String> files, List<Culprit> culprits) implements MergeOutcome {
        public Conflict {
            files = List.copyOf(files);
            culprits = List.copyOf(culprits);
        }
    }
}
