package io.inception.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code inception sandbox up}: the keystone part of its JSON document logs in to the simulated iNova. */
class SandboxCommandTest {
    @TempDir
    Path tmp;

    record Up(Thread thread, String out) {
    }

    Up up(String... args) throws Exception {
        SandboxCommand.Up up = new SandboxCommand.Up();
        PrintStream old = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        Thread t = new Thread(() -> new CommandLine(up).execute(args));
        try {
            t.start();
            assertThat(up.ready.await(60, TimeUnit.SECONDS)).as("sandbox up ready").isTrue();
        } finally {
            System.setOut(old);
        }
        return new Up(t, buffer.toString(StandardCharsets.UTF_8));
    }

    static void stop(Up up) throws InterruptedException {
        up.thread().interrupt();
        up.thread().join(30_000);
        assertThat(up.thread().isAlive()).isFalse();
    }

    @Test
    void jsonHasKeystoneCredentialsThatLogInAndTheFleetsHostsAreComputeServices() throws Exception {
        Up up = up("--hosts", "2", "--cells", "1", "--json", "--dir", tmp.resolve("sb").toString());
        try {
            JsonNode doc = new ObjectMapper().readTree(up.out());
            JsonNode ks = doc.get("keystone");
            assertThat(ks.get("url").asText()).matches("http://127\\.0\\.0\\.1:\\d+/identity/v3");
            assertThat(ks.get("domain").asText()).isEqualTo("Default");
            assertThat(doc.get("xenapi")).isNotNull();
            assertThat(doc.get("hosts")).hasSize(2);

            String auth = """
                    {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                     "domain": {"name": "%s"}, "password": "%s"}}},
                     "scope": {"project": {"name": "%s", "domain": {"name": "%s"}}}}}""".formatted(
                    ks.get("username").asText(), ks.get("domain").asText(), ks.get("password").asText(),
                    ks.get("project").asText(), ks.get("domain").asText());
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(ks.get("url").asText()
                            + "/auth/tokens")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(auth)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).isEqualTo(201);

            String compute = ks.get("url").asText().replace("/identity/v3", "/compute/v2.1");
            HttpResponse<String> services = http.send(HttpRequest.newBuilder(URI.create(compute
                            + "/os-services?binary=nova-compute"))
                    .header("X-Auth-Token", token.headers().firstValue("X-Subject-Token").orElseThrow())
                    .header("OpenStack-API-Version", "compute 2.60").build(), HttpResponse.BodyHandlers.ofString());
            JsonNode hosts = new ObjectMapper().readTree(services.body()).get("services");
            assertThat(hosts.findValuesAsText("host")).containsExactlyElementsOf(
                    doc.get("hosts").findValuesAsText("name"));
        } finally {
            stop(up);
        }
    }

    @Test
    void withoutJsonThePasswordIsNotPrinted() throws Exception {
        Up up = up("--hosts", "1", "--cells", "1", "--dir", tmp.resolve("sb").toString());
        try {
            assertThat(up.out()).contains("iNova (Keystone v3) at http://127.0.0.1:").contains("--json prints the password")
                    .doesNotContain("sandbox-");
        } finally {
            stop(up);
        }
    }

    @Test
    void withAnAptKeyTheHostsHoldItAndReadHttpSourcesForReal() throws Exception {
        String armored = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nAQID\n=abcd\n-----END PGP PUBLIC KEY BLOCK-----\n";
        Path key = java.nio.file.Files.writeString(tmp.resolve("repo.asc"), armored);
        Up up = up("--hosts", "1", "--cells", "1", "--json", "--dir", tmp.resolve("sb").toString(), "--apt-key", key.toString());
        try {
            JsonNode host = new ObjectMapper().readTree(up.out()).get("hosts").get(0);
            var target = new io.inception.engine.fleet.HostTarget(host.get("name").asText(), host.get("cell").asText(),
                    host.get("address").asText(), host.get("port").asInt());
            var settings = io.inception.engine.fleet.FleetSettings.of("inception", io.inception.engine.fleet.SshKey.fromFile(
                    tmp.resolve("sb/id_ecdsa")), tmp.resolve("known_hosts"));
            io.inception.engine.fleet.HostTrust.enrol(settings, java.util.List.of(target));
            try (var ssh = io.inception.engine.fleet.SshFleet.open(settings)) {
                var cat = ssh.exec(target, io.inception.engine.fleet.RemoteCommand.of("cat",
                        io.inception.packaging.Packaging.HOST_KEYRING), java.time.Duration.ofSeconds(10));
                assertThat(cat).isEqualTo(new io.inception.engine.fleet.CommandResult.Completed(0, armored, ""));
                var update = ssh.exec(target, io.inception.engine.fleet.RemoteCommand.script(
                        "printf '%s\\n' 'deb [signed-by=/etc/apt/keyrings/inception.asc] http://127.0.0.1:9/apt/ qe main'"
                                + " > /etc/apt/sources.list.d/inception.list && apt-get update").asRoot(),
                        java.time.Duration.ofSeconds(20));
                assertThat(update.describe()).as("nothing serves port 9: apt cannot fetch the Release file")
                        .contains("exit 100", "does not have a Release file");
            }
        } finally {
            stop(up);
        }
    }
}
