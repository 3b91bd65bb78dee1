package io.inception.engine.merge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files of one commit, edited in memory and then written over a working tree. */
final class FileModel {
    final Map<String, byte[]> files;

    FileModel() {
        this(new TreeMap<>());
    }

    private FileModel(Map<String, byte[]> files) {
        this.files = files;
    }

    FileModel copy() {
        return new FileModel(new TreeMap<>(files));
    }

    /** A text file of {@code lines} distinct lines, each naming the file so renames stay recognisable. */
    FileModel text(String path, int lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append(path).append(" line ").append(i).append(": the quick brown fox ").append(i * 7 % 13).append('\n');
        }
        return put(path, sb.toString());
    }

    FileModel put(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    FileModel put(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    /** Replaces line {@code index} of a text file. */
    FileModel edit(String path, int index, String line) {
        List<String> lines = new ArrayList<>(List.of(new String(files.get(path), StandardCharsets.UTF_8).split("\n", -1)));
        lines.set(index, line);
        files.put(path, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    FileModel move(String from, String to) {
        files.put(to, files.remove(from));
        return this;
    }

    FileModel delete(String path) {
        files.remove(path);
        return this;
    }

    int lines(String path) {
        return new String(files.get(path), StandardCharsets.UTF_8).split("\n", -1).length - 1;
    }

    /** Makes {@code dir}'s working tree hold exactly these files. */
    void writeTo(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Path rel = dir.relativize(p);
                if (!p.equals(dir) && !rel.startsWith(".git")) {
                    Files.delete(p);
                }
            }
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                GitCli.write(dir, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
