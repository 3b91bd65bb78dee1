package io.inception.engine.merge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The real {@code git} CLI for tests, with a fixed identity and no user or system configuration,
 * so tests pass on machines without a git identity.
 */
final class GitCli {
    /** A finished git command. */
    record Result(int exitCode, String out, String err) {
    }

    private final Path home;

    GitCli(Path home) {
        this.home = home;
    }

    /** Runs git in {@code dir}; fails the test if git exits non-zero. */
    String run(Path dir, String... args) {
        Result r = exec(dir, args);
        if (r.exitCode() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed in " + dir + ": " + r.err() + r.out());
        }
        return r.out().trim();
    }

    /** Runs git in {@code dir} and returns whatever it did. */
    Result exec(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Tess Ter", "-c", "user.email=tess@example.com",
                "-c", "init.defaultBranch=main", "-c", "advice.detachedHead=false", "-c", "core.autocrlf=false"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "Tess Ter");
        env.put("GIT_AUTHOR_EMAIL", "tess@example.com");
        env.put("GIT_COMMITTER_NAME", "Tess Ter");
        env.put("GIT_COMMITTER_EMAIL", "tess@example.com");
        env.put("GIT_TERMINAL_PROMPT", "0");
        try {
            Process p = pb.start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            String out = read(p.getInputStream());
            return new Result(p.waitFor(), out, err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Commits everything in {@code dir} as {@code author} ("Name <email>"). */
    String commitAll(Path dir, String message, String authorName, String authorEmail) {
        run(dir, "add", "-A");
        run(dir, "-c", "user.name=" + authorName, "-c", "user.email=" + authorEmail, "commit", "-q",
                "--allow-empty", "--author=" + authorName + " <" + authorEmail + ">", "-m", message);
        return run(dir, "rev-parse", "HEAD");
    }

    String commitAll(Path dir, String message) {
        return commitAll(dir, message, "Tess Ter", "tess@example.com");
    }

    /** A new repository with branch {@code main}. */
    Path init(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(dir, "init", "-q", "-b", "main");
        return dir;
    }

    static void write(Path repo, String path, String content) {
        write(repo, path, content.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path repo, String path, byte[] content) {
        try {
            Path file = repo.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
