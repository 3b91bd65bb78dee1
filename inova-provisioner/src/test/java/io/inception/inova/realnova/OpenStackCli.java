package io.inception.inova.realnova;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inception.engine.merge.Secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code /usr/bin/openstack} (python3-openstackclient), the independent real client, run
 * with an {@code OS_*} environment (e.g. {@link RealNova#cliEnvironment(boolean)}). Each command has a
 * deadline; a failure or timeout is an {@link AssertionError} naming the command, with its output
 * (the password scrubbed).
 */
public final class OpenStackCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;
    private final Secret password;
    private final Duration timeout;

    public OpenStackCli(Map<String, String> environment, Duration timeout) {
        this.environment = Map.copyOf(environment);
        this.password = new Secret(environment.getOrDefault("OS_PASSWORD", ""));
        this.timeout = timeout;
    }

    /** Runs {@code openstack ARGS -f json} and parses what it printed. */
    public JsonNode json(String... args) {
        List<String> withFormat = new ArrayList<>(List.of(args));
        withFormat.addAll(List.of("-f", "json"));
        String out = run(withFormat.toArray(String[]::new));
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("openstack " + String.join(" ", args) + " did not print JSON:\n" + out, e);
        }
    }

    /** Runs {@code openstack ARGS}; its standard output, or an AssertionError with both streams. */
    public String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("/usr/bin/openstack");
        command.addAll(List.of(args));
        String shown = "openstack " + String.join(" ", args);
        try {
            Path out = Files.createTempFile("openstack-cli", ".out");
            Path err = Files.createTempFile("openstack-cli", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                pb.environment().keySet().removeIf(k -> k.startsWith("OS_"));
                pb.environment().putAll(environment);
                Process p = pb.start();
                if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(shown + " did not finish within " + timeout.toSeconds() + " s:\n"
                            + both(out, err));
                }
                if (p.exitValue() != 0) {
                    throw new AssertionError(shown + " exited " + p.exitValue() + ":\n" + both(out, err));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + shown + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + shown, e);
        }
    }

    private String both(Path out, Path err) throws IOException {
        return password.scrub(Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
    }
}
