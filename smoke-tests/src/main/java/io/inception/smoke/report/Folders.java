package io.inception.smoke.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Deleting and copying the report's folders. */
public final class Folders {
    private Folders() {
    }

    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** Copies the files directly in {@code from} into {@code to} (created), replacing same names. */
    public static int copyFiles(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return 0;
        Files.createDirectories(to);
        List<Path> files;
        try (Stream<Path> list = Files.list(from)) {
            files = list.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        return files.size();
    }
}
