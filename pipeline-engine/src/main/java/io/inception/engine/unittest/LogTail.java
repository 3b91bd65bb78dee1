package io.inception.engine.unittest;

import io.inception.engine.scheduler.UrlRedaction;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The last lines of a (possibly huge) log file, for reports. */
final class LogTail {
    static final int MAX_LINES = 60;
    static final int MAX_BYTES = 8 * 1024;

    private LogTail() {
    }

    static String read(Path file) throws IOException {
        if (!Files.exists(file)) return "";
        byte[] bytes;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            int n = (int) Math.min(length, MAX_BYTES);
            bytes = new byte[n];
            f.seek(length - n);
            f.readFully(bytes);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int from = Math.max(0, lines.length - MAX_LINES - (text.endsWith("\n") ? 1 : 0));
        if (bytes.length == MAX_BYTES && from == 0) from = 1; // the first line is cut
        return UrlRedaction.redact(String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length)));
    }
}
