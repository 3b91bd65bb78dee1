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
    /** Paths written as executable files. */
    final java.util.Set<String> executables;
    /** Paths written as symbolic links, to the target held in {@link #files}. */
    final java.util.Set<String> symlinks;

    FileModel() {
        this(new TreeMap<>(), new java.util.TreeSet<>(), new java.util.TreeSet<>());
    }

    private FileModel(Map<String, byte[]> files, java.util.Set<String> executables, java.util.Set<String> symlinks) {
        this.files = files;
        this.executables = executables;
        this.symlinks = symlinks;
    }

    FileModel copy() {
        return new FileModel(new TreeMap<>(files), new java.util.TreeSet<>(executables), new java.util.TreeSet<>(symlinks));
    }

    FileModel executable(String path, boolean on) {
        if (on) {
            executables.add(path);
        } else {
            executables.remove(path);
        }
        return this;
    }

    FileModel symlink(String path, String target) {
        symlinks.add(path);
        return put(path, target);
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
        if (executables.remove(from)) {
            executables.add(to);
        }
        if (symlinks.remove(from)) {
            symlinks.add(to);
        }
        return this;
    }

    FileModel delete(String path) {
        files.remove(path);
        executables.remove(path);
        symlinks.remove(path);
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
                Path file = dir.resolve(e.getKey());
                if (symlinks.contains(e.getKey())) {
                    Files.createDirectories(file.getParent());
                    Files.createSymbolicLink(file, Path.of(new String(e.getValue(), StandardCharsets.UTF_8)));
                    continue;
                }
                GitCli.write(dir, e.getKey(), e.getValue());
                if (executables.contains(e.getKey())) {
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
