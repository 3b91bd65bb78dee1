package io.inception.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/** A file that nodes in several JVMs append journal lines to, for a test to read. */
public final class JournalFile {
    private JournalFile() {
    }

    /** Appends each line given to {@code journal}. */
    public static Consumer<String> at(Path journal) {
        return line -> append(journal, line);
    }

    private static synchronized void append(Path journal, String line) {
        try {
            Files.writeString(journal, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
