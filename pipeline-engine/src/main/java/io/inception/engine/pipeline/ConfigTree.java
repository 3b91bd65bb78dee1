package io.inception.engine.pipeline;

import io.inception.engine.config.GitUrls;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The files configuration is read from: a git tree at one commit, or a plain directory. */
interface ConfigTree {
    /** The commit SHA, or null for a directory that is not read through git. */
    String commit();

    /** The repository URL or directory, for {@link io.inception.engine.model.PipelineDef#repo()}. */
    String location();

    /** Every file path (relative, '/'-separated). */
    List<String> files();

    Optional<String> read(String path);

    /** How {@code path} is shown in messages. */
    String label(String path);

    /** The directory holding {@code path} on disk, or null (relative library URLs resolve against it). */
    Path localDir(String path);

    /** A git tree at one commit. */
    record Git(Repository repo, String location, ObjectId id, Path workTree) implements ConfigTree {
        @Override
        public String commit() {
            return id.name();
        }

        @Override
        public List<String> files() {
            try {
                return GitRepos.list(repo, id, "");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + GitUrls.redact(location), e);
            }
        }

        @Override
        public Optional<String> read(String path) {
            try {
                return GitRepos.read(repo, id, path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + " at " + id.name(), e);
            }
        }

        @Override
        public String label(String path) {
            return path;
        }

        @Override
        public Path localDir(String path) {
            if (workTree == null) return null;
            Path parent = workTree.resolve(path).getParent();
            return parent == null ? workTree : parent;
        }
    }

    /** A plain directory; {@code shown} is the directory as the user named it. */
    record Directory(Path root, String shown) implements ConfigTree {
        @Override
        public String commit() {
            return null;
        }

        @Override
        public String location() {
            return root.toString();
        }

        @Override
        public List<String> files() {
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(Files::isRegularFile)
                        .map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> !p.startsWith(".git/") && !p.contains("/.git/"))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }

        @Override
        public Optional<String> read(String path) {
            Path file = root.resolve(path);
            if (!Files.isRegularFile(file)) return Optional.empty();
            try {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        @Override
        public String label(String path) {
            return shown.isEmpty() || shown.equals(".") ? path : (shown.endsWith("/") ? shown + path : shown + "/" + path);
        }

        @Override
        public Path localDir(String path) {
            return root.resolve(path).toAbsolutePath().normalize().getParent();
        }
    }
}
