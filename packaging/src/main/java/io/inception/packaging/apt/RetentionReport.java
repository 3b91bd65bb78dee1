package io.inception.packaging.apt;

import java.util.List;

/**
 * What a retention pass removed and kept.
 *
 * @param removedSnapshots  build ids whose snapshot was removed
 * @param removedPoolFiles  pool files no snapshot or suite referenced any more
 * @param keptSnapshots     build ids still published, newest first
 */
public record RetentionReport(List<String> removedSnapshots, List<String> removedPoolFiles,
                              List<String> keptSnapshots) {
    public RetentionReport {
        removedSnapshots = List.copyOf(removedSnapshots);
        removedPoolFiles = List.copyOf(removedPoolFiles);
        keptSnapshots = List.copyOf(keptSnapshots);
    }
}
