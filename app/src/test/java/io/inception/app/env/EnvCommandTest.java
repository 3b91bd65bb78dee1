package io.inception.app.env;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inception.sandbox.inova.InovaSimulator;
import io.inception.sandbox.inova.InovaSpec;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code inception env ...} against the sandbox iNova, as a user types them. */
class EnvCommandTest {
    @TempDir
    Path tmp;

    record Result(int exit, String out) {
    }

    private Result cli(String... args) {
        PrintStream old = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            return new Result(new CommandLine(new EnvCommand()).execute(args), buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
            System.setErr(oldErr);
        }
    }

    /** A config repository holding the project's local.yaml, committed. */
    private Path configRepo() throws Exception {
        Path repo = tmp.resolve("config");
        Path file = repo.resolve("environments/environments/local.yaml");
        Files.createDirectories(file.getParent());
        Files.copy(Path.of("../environments/environments/local.yaml"), file);
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("local").setAuthor("t", "t@example.invalid").setCommitter("t", "t@example.invalid").call();
        }
        return repo;
    }

    @Test
    void provisionShowScaleAndCleanupTheLocalControlPlaneOnTheSandbox() throws Exception {
        try (InovaSimulator sim = InovaSimulator.start(InovaSpec.defaults())) {
            ObjectMapper json = new ObjectMapper();
            Path inova = Files.writeString(tmp.resolve("sandbox.json"),
                    json.writeValueAsString(json.createObjectNode().set("keystone", sim.describeJson())));
            String home = tmp.resolve("home").toString();
            String repo = configRepo().toString();

            Result provision = cli("provision", "local", "--repo", repo, "--inova", inova.toString(), "--home", home, "--json");
            assertThat(provision.exit()).as(provision.out()).isZero();
            // log lines of the test's logback config may precede the document
            JsonNode doc = json.readTree(provision.out().substring(provision.out().indexOf("{\n")));
            assertThat(doc.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(doc.path("servers")).hasSize(9);
            assertThat(provision.out()).doesNotContain(sim.password());

            Result show = cli("show", "local", "--repo", repo, "--home", home);
            assertThat(show.out()).contains("local-api-nova-api-1").contains("local-local-c1-cell-db-1")
                    .contains("provision: 9 server(s) ready");

            Result scale = cli("scale", "local", "--repo", repo, "--role", "nova-api", "--count", "3", "--inova", inova.toString(),
                    "--home", home);
            assertThat(scale.exit()).as(scale.out()).isZero();
            assertThat(scale.out()).contains("scale done: 10 server(s)").contains("local-api-nova-api-3");

            Result again = cli("provision", "local", "--repo", repo, "--inova", inova.toString(), "--home", home);
            assertThat(again.out()).as("the scaled count is remembered").contains("provision done: 10 server(s), 0 created, 0 deleted");

            Result cleanup = cli("cleanup", "--repo", repo, "--dry-run", "--grace", "0s", "--via", "local", "--inova", inova.toString(),
                    "--home", home);
            assertThat(cleanup.exit()).as(cleanup.out()).isZero();
            assertThat(cleanup.out()).contains("scanned 1 iNova project(s); 0 leaked server(s)");
        }
    }
}
