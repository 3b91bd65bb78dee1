package io.inception.packaging.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The project's Debian 12 image, built by {@code docker/debian-image/build.sh} (debootstrap, no image
 * registry) and tagged with the hash of its recipe; building is skipped when that tag exists.
 */
public final class ProjectImage {
    /** The script, relative to the repository root. */
    public static final String SCRIPT = "docker/debian-image/build.sh";

    private ProjectImage() {
    }

    /**
     * Builds the image if needed and returns its tag, e.g. {@code inception/debian:12-1a2b3c4d5e6f}.
     *
     * @throws IOException with the script's last output lines when Docker or debootstrap are missing
     */
    public static String ensure(Path repositoryRoot) throws IOException, InterruptedException {
        Path script = repositoryRoot.resolve(SCRIPT);
        if (!Files.isRegularFile(script)) throw new IOException(script + " not found");
        Path log = Files.createTempFile("debian-image", ".log");
        try {
            Process p = new ProcessBuilder("bash", script.toString())
                    .redirectError(log.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(40, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(SCRIPT + " did not finish in 40 minutes");
            }
            if (p.exitValue() != 0 || out.isEmpty()) {
                String tail = String.join("\n", Files.readAllLines(log).stream()
                        .skip(Math.max(0, Files.readAllLines(log).size() - 15)).toList());
                throw new IOException(SCRIPT + " failed (exit " + p.exitValue() + "):\n" + tail);
            }
            return out.lines().reduce((a, b) -> b).orElseThrow();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The repository root: the nearest folder above {@code start} that has the image script. */
    public static Path findRepositoryRoot(Path start) {
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(SCRIPT))) return p;
        }
        throw new IllegalStateException(SCRIPT + " not found above " + start.toAbsolutePath());
    }
}
