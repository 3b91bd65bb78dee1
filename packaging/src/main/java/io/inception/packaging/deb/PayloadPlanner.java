package io.inception.packaging.deb;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands a spec's mappings against a candidate tree into the exact list of files to package,
 * reporting sources that do not exist with the spec's file, line and field.
 */
final class PayloadPlanner {
    /** Byte-code caches that the candidate's own tests may have left in the tree. */
    private static final List<String> ALWAYS_EXCLUDED = List.of("**/__pycache__/**", "__pycache__/**", "**.pyc");

    private PayloadPlanner() {
    }

    static List<PayloadEntry> plan(PackageSpec spec, Path tree, List<SpecProblem> problems) throws IOException {
        List<PayloadEntry> out = new ArrayList<>();
        for (FileMapping m : spec.files()) expand(spec, tree, m, false, out, problems);
        for (FileMapping m : spec.conffiles()) expand(spec, tree, m, true, out, problems);
        out.sort(Comparator.comparing(PayloadEntry::target));
        return out;
    }

    private static void expand(PackageSpec spec, Path tree, FileMapping m, boolean conffile,
                               List<PayloadEntry> out, List<SpecProblem> problems) throws IOException {
        Path base = m.origin() == FileMapping.Origin.TREE ? tree : spec.specDirectory();
        Path source = base.resolve(m.source()).normalize();
        if (!source.startsWith(base.normalize()) || !Files.exists(source)) {
            String where = m.origin() == FileMapping.Origin.TREE ? "the candidate tree " + tree : spec.specDirectory().toString();
            problems.add(new SpecProblem(m.at(), "'" + m.source() + "' does not exist in " + where));
            return;
        }
        if (Files.isRegularFile(source)) {
            out.add(new PayloadEntry(source, m.target(), modeOf(m, source), conffile));
            return;
        }
        if (conffile) {
            problems.add(new SpecProblem(m.at(), "'" + m.source() + "' is a folder; a conffile must be a file"));
            return;
        }
        List<PathMatcher> excludes = new ArrayList<>();
        for (String glob : m.excludes()) excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        for (String glob : ALWAYS_EXCLUDED) excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        int before = out.size();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = source.relativize(p);
                if (excludes.stream().anyMatch(x -> x.matches(rel))) continue;
                String relUnix = rel.toString().replace('\\', '/');
                out.add(new PayloadEntry(p, m.target() + "/" + relUnix, modeOf(m, p), false));
            }
        }
        if (out.size() == before) {
            problems.add(new SpecProblem(m.at(), "'" + m.source() + "' has no files to package (after exclusions)"));
        }
    }

    private static int modeOf(FileMapping m, Path file) {
        if (m.mode() != null) return m.mode();
        return Files.isExecutable(file) ? 0755 : 0644;
    }
}
