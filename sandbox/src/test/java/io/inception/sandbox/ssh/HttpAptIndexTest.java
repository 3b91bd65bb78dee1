package io.inception.sandbox.ssh;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulated host's {@code apt-get update} against a repository served over HTTP: the Packages
 * file is taken only when Release lists it with its size and SHA-256, and a signed source needs its
 * keyring on the host. (The signature itself is checked against a real signed repository in the
 * app module's published-repository rollout test.)
 */
class HttpAptIndexTest {
    static final String PACKAGES = """
            Package: nova-compute
            Version: 2.0-1
            Architecture: all

            Package: nova-common
            Version: 2.0-1
            Architecture: all
            """;

    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    HttpServer server;
    String base;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/", ex -> {
            try (ex) {
                byte[] body = files.get(ex.getRequestURI().getPath());
                if (body == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/apt";
        publish(PACKAGES, PACKAGES);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Serves {@code served} as the Packages file of builds/b-2, with a Release describing {@code listed}. */
    void publish(String listed, String served) {
        byte[] bytes = listed.getBytes(StandardCharsets.UTF_8);
        String release = "Origin: Test\nSuite: builds/b-2\nSHA256:\n " + InReleaseVerifier.sha256(bytes) + " "
                + bytes.length + " main/binary-amd64/Packages\n";
        files.put("/apt/dists/builds/b-2/InRelease", ("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n" + release
                + "-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\n").getBytes(StandardCharsets.UTF_8));
        files.put("/apt/dists/builds/b-2/main/binary-amd64/Packages", served.getBytes(StandardCharsets.UTF_8));
    }

    DebianShell.Outcome update(String sourceLine, DebianState state) {
        state.withFile("/etc/apt/sources.list.d/inception.list", sourceLine + "\n");
        return new DebianShell(state, new HttpAptIndex(PackageIndex.fixed(Map.of()))).run("apt-get update");
    }

    @Test
    void aTrustedSourceOffersTheVersionsOfThePackagesFileReleaseVouchesFor() {
        DebianState state = new DebianState().withPackage("nova-compute", "1.0-1");
        DebianShell.Outcome r = update("deb [trusted=yes] " + base + "/ builds/b-2 main", state);

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        DebianShell shell = new DebianShell(state, new HttpAptIndex(PackageIndex.fixed(Map.of())));
        assertThat(shell.run("apt-get install -y nova-compute=2.0-1").exitCode()).isZero();
        assertThat(state.version("nova-compute")).contains("2.0-1");
    }

    @Test
    void aPackagesFileThatIsNotTheOneReleaseListsIsRefusedAsAHashSumMismatch() {
        publish(PACKAGES, PACKAGES.replace("2.0-1", "6.6-6"));
        DebianShell.Outcome r = update("deb [trusted=yes] " + base + "/ builds/b-2 main", new DebianState());

        assertThat(r.exitCode()).isEqualTo(100);
        assertThat(r.stderr()).startsWith("E: Failed to fetch " + base + "/dists/builds/b-2/main/binary-amd64/Packages"
                + "  Hash Sum mismatch");
    }

    @Test
    void aComponentReleaseDoesNotListIsAnError() {
        DebianShell.Outcome r = update("deb [trusted=yes] " + base + "/ builds/b-2 contrib", new DebianState());

        assertThat(r.exitCode()).isEqualTo(100);
        assertThat(r.stderr()).contains("E: Unable to find expected entry 'contrib/binary-amd64/Packages' in Release file");
    }

    @Test
    void aSignedSourceWithoutItsKeyringOnTheHostIsNotSigned() {
        DebianShell.Outcome r = update("deb [signed-by=/etc/apt/keyrings/inception.asc] " + base + "/ builds/b-2 main",
                new DebianState());

        assertThat(r.exitCode()).isEqualTo(100);
        assertThat(r.stderr()).contains("W: GPG error: " + base + " builds/b-2 InRelease: The signatures couldn't be"
                + " verified because the keyring /etc/apt/keyrings/inception.asc is missing",
                "E: The repository '" + base + " builds/b-2 InRelease' is not signed.");
    }

    @Test
    void aSnapshotThatWasNeverPublishedHasNoReleaseFile() {
        DebianShell.Outcome r = update("deb [trusted=yes] " + base + "/ builds/b-404 main", new DebianState());

        assertThat(r.exitCode()).isEqualTo(100);
        assertThat(r.stderr()).contains("E: The repository '" + base + " builds/b-404 Release' does not have a Release file.");
    }

    @Test
    void sourceLinesParseAsAptReadsThem() {
        AptSource s = AptSource.parse("deb [signed-by=/k.asc arch=amd64] http://h:1/apt/ qe main contrib").orElseThrow();
        assertThat(s.options()).containsEntry("signed-by", "/k.asc").containsEntry("arch", "amd64");
        assertThat(s.distUri()).isEqualTo("http://h:1/apt/dists/qe");
        assertThat(s.packagesPaths("amd64")).containsExactly("main/binary-amd64/Packages", "contrib/binary-amd64/Packages");
        AptSource flat = AptSource.parse("deb [trusted=yes] http://h:1/ ./").orElseThrow();
        assertThat(flat.distUri()).isEqualTo("http://h:1/.");
        assertThat(flat.packagesPaths("amd64")).containsExactly("Packages");
        assertThat(AptSource.parse("deb http://h:1/ qe")).as("a suite without a slash needs a component").isEqualTo(Optional.empty());
        assertThat(AptSource.parse("deb-src http://h:1/ qe main")).isEmpty();
    }

    @Test
    void theDearmoredKeyIsTheBase64BodyWithoutHeadersOrChecksum() {
        String armored = "-----BEGIN PGP PUBLIC KEY BLOCK-----\nComment: x\n\nAQID\nBAU=\n=abcd\n-----END PGP PUBLIC KEY BLOCK-----\n";
        assertThat(InReleaseVerifier.dearmor(armored)).containsExactly(1, 2, 3, 4, 5);
        assertThat(InReleaseVerifier.dearmor(armored.replace("Comment: x\n", ""))).containsExactly(1, 2, 3, 4, 5);
    }
}
