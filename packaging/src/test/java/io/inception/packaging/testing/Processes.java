package io.inception.packaging.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a command for a test and keeps its combined output. */
public final class Processes {
    /** @param exitCode the exit code; @param output stdout and stderr together */
    public record Result(int exitCode, String output) {
    }

    private Processes() {
    }

    public static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 300 s");
        }
        return new Result(p.exitValue(), out);
    }
}
