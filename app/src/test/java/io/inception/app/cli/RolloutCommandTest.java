package io.inception.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inception.sandbox.ssh.HostFault;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import io.inception.sandbox.ssh.SandboxHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code inception sandbox up} and {@code inception rollout ...} as a user types them. */
class RolloutCommandTest {
    static final String SOURCE = "deb [trusted=yes] http://repo.invalid/builds/b-7 stable main";

    @TempDir
    Path tmp;

    record Result(int exit, String out) {
    }

    Result cli(Object command, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        PrintStream old = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(command).execute(all.toArray(String[]::new));
            return new Result(exit, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void rolloutShowAndRollbackOverSandboxHostsListedByTheirJsonDocument() throws Exception {
        try (SandboxFleet sandbox = SandboxFleet.start(SandboxFleetSpec.of(10, 2, tmp.resolve("sandbox")))) {
            Path inventory = Files.writeString(tmp.resolve("sandbox.json"), sandbox.describeJson());
            SandboxHost bad = sandbox.get("c2-010");
            bad.state().inject(HostFault.INSTALL_FAILS);
            String home = tmp.resolve("home").toString();

            Result run = cli(new RolloutCommand(), "--env", "local", "--build", "b-7", "--package-version", "2.0-1",
                    "--apt-source", SOURCE, "--inventory", inventory.toString(), "--waves", "1,2,100%",
                    "--failure-budget", "1", "--max-parallel", "4", "--json", "--home", home);

            assertThat(run.exit()).as(run.out()).isZero();
            JsonNode summary = new ObjectMapper().readTree(run.out());
            assertThat(summary.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(summary.get("byPhase").get("DONE").asInt()).isEqualTo(9);
            assertThat(summary.get("byPhase").get("ROLLED_BACK").asInt()).isEqualTo(1);
            assertThat(bad.state().version("nova-compute")).contains("1.0-1");
            String id = summary.get("rolloutId").asText();

            Result show = cli(new RolloutCommand(), "show", id, "--home", home);
            assertThat(show.exit()).isZero();
            assertThat(show.out()).contains("c1-001", "DONE", "c2-010", "ROLLED_BACK", "post-installation script");

            Result rollback = cli(new RolloutCommand(), "rollback", id, "--inventory", inventory.toString(), "--home", home);
            assertThat(rollback.exit()).as(rollback.out()).isZero();
            assertThat(sandbox.hosts()).allSatisfy(h -> assertThat(h.state().version("nova-compute")).contains("1.0-1"));

            assertThat(cli(new RolloutCommand(), "show", "nope", "--home", home).exit()).isEqualTo(2);
        }
    }

    @Test
    void sandboxUpPrintsItsEndpointsAsJsonAndStaysUpUntilInterrupted() throws Exception {
        SandboxCommand.Up up = new SandboxCommand.Up();
        PrintStream old = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        Thread t = new Thread(() -> new CommandLine(up).execute("--hosts", "3", "--cells", "1", "--json",
                "--dir", tmp.resolve("sb").toString()));
        try {
            t.start();
            assertThat(up.ready.await(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            System.setOut(old);
        }
        JsonNode doc = new ObjectMapper().readTree(buffer.toString(StandardCharsets.UTF_8));
        assertThat(doc.get("hosts")).hasSize(3);
        assertThat(doc.get("hosts").get(0).get("hostKey").asText()).startsWith("ecdsa-sha2-nistp256 ");
        assertThat(doc.get("ssh").get("user").asText()).isEqualTo("inception");
        Path key = Path.of(doc.get("ssh").get("privateKeyFile").asText());
        assertThat(Files.readString(key)).contains("OPENSSH PRIVATE KEY");

        int port = doc.get("hosts").get(0).get("port").asInt();
        String address = doc.get("hosts").get(0).get("address").asText();
        try (java.net.Socket s = new java.net.Socket(address, port)) {
            assertThat(new String(s.getInputStream().readNBytes(4), StandardCharsets.US_ASCII)).isEqualTo("SSH-");
        }
        t.interrupt();
        t.join(30_000);
        assertThat(t.isAlive()).isFalse();
    }
}
