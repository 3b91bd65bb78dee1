package io.inception.engine.merge;

import io.inception.engine.merge.TreeEntries.Entry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeChunk;
import org.eclipse.jgit.merge.MergeFormatter;
import org.eclipse.jgit.merge.MergeResult;

/**
 * Three-way merge of one file's versions (mode and content), as git does it: identical or one-sided
 * changes win trivially; two-sided text changes go through a line merge with the histogram diff
 * (ort's default); binary files, symlinks and submodules changed on both sides conflict.
 */
final class ContentMerge {
    /** git looks at the first 8000 bytes for a NUL to call a file binary. */
    private static final int BINARY_PROBE = 8000;

    /** Lines {@code [begin, end)} (0-based) of our version of a file. */
    record LineRange(int begin, int end) {
    }

    /** A merged entry, or the kind of conflict and, for text conflicts, our conflicting lines. */
    record Resolution(Entry entry, String conflict, List<LineRange> oursLines) {
        static Resolution of(Entry e) {
            return new Resolution(e, null, List.of());
        }

        static Resolution conflict(String why) {
            return new Resolution(null, why, List.of());
        }

        boolean clean() {
            return conflict == null;
        }
    }

    private final ObjectReader reader;
    private final ObjectInserter inserter;
    private final MergeAlgorithm algorithm = new MergeAlgorithm(new HistogramDiff());

    ContentMerge(ObjectReader reader, ObjectInserter inserter) {
        this.reader = reader;
        this.inserter = inserter;
    }

    /** Merges ours and theirs against base; base is null for a file both sides added. */
    Resolution merge(Entry base, Entry ours, Entry theirs) throws IOException {
        if (ours.equals(theirs)) {
            return Resolution.of(ours);
        }
        if (base == null) {
            return Resolution.conflict("add/add");
        }
        if (ours.equals(base)) {
            return Resolution.of(theirs);
        }
        if (theirs.equals(base)) {
            return Resolution.of(ours);
        }
        Integer mode = mergeMode(base.mode(), ours.mode(), theirs.mode());
        if (mode == null) {
            return Resolution.conflict("mode");
        }
        if (ours.id().equals(theirs.id())) {
            return Resolution.of(new Entry(mode, ours.id()));
        }
        if (ours.id().equals(base.id())) {
            return Resolution.of(new Entry(mode, theirs.id()));
        }
        if (theirs.id().equals(base.id())) {
            return Resolution.of(new Entry(mode, ours.id()));
        }
        if (!base.isRegularFile() || !ours.isRegularFile() || !theirs.isRegularFile()) {
            return Resolution.conflict("symlink/submodule");
        }
        byte[] b = reader.open(base.id()).getBytes();
        byte[] o = reader.open(ours.id()).getBytes();
        byte[] t = reader.open(theirs.id()).getBytes();
        if (isBinary(b) || isBinary(o) || isBinary(t)) {
            return Resolution.conflict("binary");
        }
        MergeResult<RawText> result = algorithm.merge(RawTextComparator.DEFAULT,
                new RawText(b), new RawText(o), new RawText(t));
        if (result.containsConflicts()) {
            List<LineRange> lines = new ArrayList<>();
            for (MergeChunk chunk : result) {
                if (chunk.getConflictState() != MergeChunk.ConflictState.NO_CONFLICT && chunk.getSequenceIndex() == 1) {
                    lines.add(new LineRange(chunk.getBegin(), chunk.getEnd()));
                }
            }
            return new Resolution(null, "content", List.copyOf(lines));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(o.length, t.length) + 64);
        new MergeFormatter().formatMerge(out, result, List.of("base", "ours", "theirs"), StandardCharsets.UTF_8);
        ObjectId merged = inserter.insert(Constants.OBJ_BLOB, out.toByteArray());
        return Resolution.of(new Entry(mode, merged));
    }

    private static Integer mergeMode(int base, int ours, int theirs) {
        if (ours == theirs || theirs == base) {
            return ours;
        }
        if (ours == base) {
            return theirs;
        }
        return null;
    }

    static boolean isBinary(byte[] content) {
        int n = Math.min(content.length, BINARY_PROBE);
        for (int i = 0; i < n; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
