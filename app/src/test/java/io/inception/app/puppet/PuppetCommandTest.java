package io.inception.app.puppet;

import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code inception puppet apply|drift} against sandbox hosts, with the environment's puppet section. */
class PuppetCommandTest {
    @TempDir
    Path dir;

    @Test
    void applyThenDriftAfterAHandEditWithExitCodesAndJson() throws Exception {
        try (SandboxFleet sandbox = SandboxFleet.start(SandboxFleetSpec.of(2, 1, dir.resolve("sandbox")))) {
            Path inventory = Files.writeString(dir.resolve("sandbox.json"), sandbox.describeJson());
            String compute = sandbox.hosts().get(0).name();
            String control = sandbox.hosts().get(1).name();
            Path env = Files.writeString(dir.resolve("local.yaml"), """
                    name: local
                    cells:
                      - name: c1
                        hosts: [%s]
                    puppet:
                      path: environments/puppet
                      roles:
                        - {role: keystone, hosts: [%s]}
                        - {role: nova_compute, compute: true}
                    """.formatted(compute, control));
            String[] common = {"local", "--inventory", inventory.toString(), "--env-file", env.toString(), "--home", dir.resolve("home").toString(),
                    "--version", "2.0-1", "--apt-source", "deb [trusted=yes] http://127.0.0.1:1/ ./"};

            Run apply = run(concat(new String[]{"apply"}, common));
            assertThat(apply.code).as(apply.out).isZero();
            assertThat(apply.out).contains("applying ", "to 2 host(s) of local", compute + " ", "CHANGED", "Package[nova-compute]",
                    "2 host(s) @", ": 2 changed, 0 unchanged, 0 failed");

            Run keystoneOnly = run(concat(new String[]{"apply"}, common, new String[]{"--role", "keystone", "--json"}));
            assertThat(keystoneOnly.code).as(keystoneOnly.out).isZero();
            assertThat(keystoneOnly.out).contains("\"host\" : \"" + control + "\"", "\"status\" : \"UNCHANGED\"").doesNotContain(compute);

            assertThat(run(concat(new String[]{"drift"}, common, new String[]{})).code).isZero();
            Path key = sandbox.privateKeyFile();
            var host = sandbox.endpoints().get(0);
            var settings = io.inception.engine.fleet.FleetSettings.of(sandbox.user(), io.inception.engine.fleet.SshKey.fromFile(key),
                    dir.resolve("home/known_hosts/local"));
            try (var fleet = io.inception.engine.fleet.SshFleet.open(settings)) {
                assertThat(fleet.exec(new io.inception.engine.fleet.HostTarget(host.name(), host.cell(), host.address(), host.port()),
                        io.inception.engine.fleet.RemoteCommand.script("printf '%s' edited > /etc/nova/nova.conf"),
                        java.time.Duration.ofSeconds(5)).ok()).isTrue();
            }
            Run drift = run(concat(new String[]{"drift"}, common, new String[]{}));
            assertThat(drift.code).as(drift.out).isEqualTo(3);
            assertThat(drift.out).contains("drift of ", "DRIFTED", "File[/etc/nova/nova.conf]", "1 drifted, 1 unchanged, 0 failed");
        }
    }

    record Run(int code, String out) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream before = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new PuppetCommand()).execute(args);
            return new Run(code, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(before);
        }
    }

    static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
