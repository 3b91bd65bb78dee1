package io.inception.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inception.sandbox.ssh.HostEndpoint;
import io.inception.sandbox.ssh.HostFault;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code inception hosts trust <env>} and {@code inception rollout --env <env>} with the hosts,
 * waves (a manual gate), failure budget and {@code rollout:} section read from the environment
 * file in a git repository, over six sandbox hosts in two cells.
 */
class RolloutEnvironmentCommandTest {
    static final String SOURCE = "deb [trusted=yes] http://repo.invalid/builds/b-9 stable main";

    @TempDir
    Path tmp;
    SandboxFleet sandbox;
    Path repo;
    String home;

    record Result(int exit, String out) {
    }

    Result cli(Object command, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(command).execute(args);
            return new Result(exit, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @BeforeEach
    void environment() throws Exception {
        sandbox = SandboxFleet.start(SandboxFleetSpec.of(6, 2, tmp.resolve("sandbox")));
        int port = sandbox.endpoints().get(0).port();
        String addresses = sandbox.endpoints().stream().map(e -> e.name() + ": " + e.address())
                .collect(Collectors.joining(", ", "{", "}"));
        repo = tmp.resolve("config");
        Path file = repo.resolve("environments/environments/sbx.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                name: sbx
                cells:
                  - name: c1
                    hosts: [c1-001, c1-002, c1-003]
                  - name: c2
                    hosts: [c2-004, c2-005, c2-006]
                ssh: {user: inception}
                credentials:
                  ssh-key: {file: %s}
                waves:
                  - {name: canary, size: 1, gate: manual}
                  - {name: rest, size: rest}
                failure-budget: {max-failed: 1}
                rollout:
                  port: %d
                  addresses: %s
                  health-command: "systemctl is-active nova-compute"
                """.formatted(sandbox.privateKeyFile(), port, addresses));
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("sbx").setAuthor("t", "t@example.invalid").setCommitter("t", "t@example.invalid")
                    .setSign(false).call();
        }
        home = tmp.resolve("home").toString();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void hostsTrustRecordsNewKeysOnceAndReportsAChangedKeyWithoutReplacingIt() throws Exception {
        Result first = cli(new HostsTrustCommand(), "sbx", "--repo", repo.toString(), "--home", home);
        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(first.out()).contains("c1-001", "recorded", "6 hosts: 6 newly recorded, 0 already trusted, 0 changed");

        Result again = cli(new HostsTrustCommand(), "sbx", "--repo", repo.toString(), "--home", home);
        assertThat(again.out()).contains("6 hosts: 0 newly recorded, 6 already trusted, 0 changed");

        Path knownHosts = Path.of(home, "known_hosts", "sbx");
        String before = Files.readString(knownHosts);
        sandbox.get("c2-005").inject(HostFault.CHANGED_HOST_KEY);
        Result changed = cli(new HostsTrustCommand(), "sbx", "--repo", repo.toString(), "--home", home, "--json");
        assertThat(changed.exit()).isEqualTo(1);
        JsonNode hosts = new ObjectMapper().readTree(changed.out()).get("hosts");
        JsonNode c205 = hosts.get(4);
        assertThat(c205.get("host").asText()).isEqualTo("c2-005");
        assertThat(c205.get("result").asText()).isEqualTo("CHANGED");
        assertThat(c205.get("detail").asText()).contains("not replaced");
        assertThat(Files.readString(knownHosts)).as("a changed key is never written").isEqualTo(before);
    }

    @Test
    void aRolloutFromTheEnvironmentFileWaitsAtItsManualGateUntilApproved() throws Exception {
        assertThat(cli(new HostsTrustCommand(), "sbx", "--repo", repo.toString(), "--home", home).exit()).isZero();

        Result held = cli(new RolloutCommand(), "--env", "sbx", "--repo", repo.toString(), "--build", "b-9",
                "--package-version", "2.0-1", "--apt-source", SOURCE, "--gate-timeout", "1s", "--json", "--home", home);

        assertThat(held.exit()).as("gave up waiting at the gate").isEqualTo(1);
        JsonNode summary = new ObjectMapper().readTree(held.out());
        String id = summary.get("rolloutId").asText();
        assertThat(summary.get("status").asText()).isEqualTo("WAITING");
        assertThat(summary.get("message").asText()).isEqualTo("waiting for approval after wave 1: inception rollout approve " + id);
        assertThat(summary.get("byPhase").get("DONE").asInt()).isEqualTo(1);
        assertThat(sandbox.get("c1-001").state().version("nova-compute")).contains("2.0-1");
        assertThat(sandbox.get("c1-001").state().commandLog()).last().asString().contains("systemctl is-active nova-compute");
        assertThat(sandbox.get("c2-004").state().commandLog()).isEmpty();

        Result approve = cli(new RolloutCommand(), "approve", id, "--home", home);
        assertThat(approve.exit()).as(approve.out()).isZero();
        assertThat(approve.out()).contains("approved; the wave after wave 1 goes ahead");
        assertThat(cli(new RolloutCommand(), "approve", id, "--home", home).exit()).as("nothing left to approve").isEqualTo(1);

        Result resumed = cli(new RolloutCommand(), "resume", id, "--repo", repo.toString(), "--json", "--home", home);
        assertThat(resumed.exit()).as(resumed.out()).isZero();
        assertThat(new ObjectMapper().readTree(resumed.out()).get("byPhase").get("DONE").asInt()).isEqualTo(6);
        for (HostEndpoint e : sandbox.endpoints()) {
            assertThat(sandbox.get(e.name()).state().version("nova-compute")).as(e.name()).contains("2.0-1");
        }
    }
}
