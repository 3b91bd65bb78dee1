package io.inception.packaging.apt;

import io.inception.packaging.deb.BuiltPackage;
import io.inception.packaging.deb.Candidate;
import io.inception.packaging.deb.CandidatePackager;
import io.inception.packaging.deb.DebBuilder;
import io.inception.packaging.deb.PackageSpecParser;
import io.inception.packaging.testing.DebianHost;
import io.inception.packaging.testing.Processes;
import io.inception.packaging.testing.SampleTree;
import io.inception.packaging.testing.TestRepos;
import io.inception.packaging.version.BuildVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real apt in a Debian 12 container reads the repository over HTTP: install a pinned version, upgrade
 * after repointing, roll back by repointing, and refuse a tampered Release or Packages file.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AptInstallIT {
    private static final String KEYRING = "/etc/apt/keyrings/inception.asc";
    private static final BuildVersion V1 =
            new BuildVersion("27.2.0", Instant.parse("2026-11-27T02:15:00Z"), "1a2b3c4d", 1);
    private static final BuildVersion V2 =
            new BuildVersion("27.2.0", Instant.parse("2026-11-27T05:40:00Z"), "9f8e7d6c", 1);

    @TempDir
    static Path dir;
    static AptRepository repo;
    static RepoFileServer server;
    static DebianHost host;

    @BeforeAll
    static void setUp() throws Exception {
        repo = AptRepository.open(dir.resolve("repo"), TestRepos.signer(Clock.systemUTC()), Clock.systemUTC());
        repo.publishBuilt("b-1", build(V1, 4));
        repo.point("qe", "b-1");
        server = RepoFileServer.start(repo.root(), new InetSocketAddress("127.0.0.1", 0), "apt");
        host = DebianHost.start();
        Path key = Files.writeString(dir.resolve("inception.asc"), TestRepos.key().exportArmored());
        host.container().copyFileToContainer(org.testcontainers.utility.MountableFile.forHostPath(key), KEYRING);
        // only our repository: the test must not depend on (or wait for) the Debian mirror
        host.ok("rm -f /etc/apt/sources.list /etc/apt/sources.list.d/*; echo '"
                + AptRepository.sourcesLine(server.url(), "qe", KEYRING) + "' > /etc/apt/sources.list.d/inception.list");
    }

    @AfterAll
    static void tearDown() {
        if (host != null) host.close();
        if (server != null) server.close();
    }

    private static List<BuiltPackage> build(BuildVersion version, int retries) throws Exception {
        Path tree = SampleTree.write(Files.createDirectories(dir.resolve("tree-" + retries)), "27.2.0", retries);
        return new CandidatePackager(DebBuilder.gzip()).packageAll(
                PackageSpecParser.parseDirectory(SampleTree.specsDirectory()),
                new Candidate(tree, version.toDebianVersion(), version.timestamp(), List.of("test build")),
                dir.resolve("debs-" + retries));
    }

    private static String update() throws Exception {
        String out = host.ok("apt-get update 2>&1");
        assertThat(out).doesNotContain("W:", "E:", "Err:");
        return out;
    }

    @Test
    @Order(1)
    void installsThePinnedVersionFromTheSignedSuite() throws Exception {
        assertThat(update()).contains("qe InRelease");
        host.ok("DEBIAN_FRONTEND=noninteractive apt-get install -y nova-compute=" + V1);
        String status = host.ok("dpkg -s nova-compute");
        assertThat(status).contains("Status: install ok installed", "Version: " + V1);
        assertThat(host.ok("dpkg -s nova-common")).contains("Version: " + V1);
        assertThat(host.ok("nova-compute")).contains("nova-compute 27.2.0 (max_build_retries=4)");
        assertThat(host.ok("cat /etc/nova/nova-compute.conf")).contains("compute_driver = xenapi.XenAPIDriver");
        assertThat(host.ok("getent passwd nova")).startsWith("nova:");
    }

    @Test
    @Order(2)
    void repointingTheSuiteUpgradesThenRepointingBackRollsBack() throws Exception {
        repo.publishBuilt("b-2", build(V2, 5));
        repo.point("qe", "b-2");
        update();
        host.ok("DEBIAN_FRONTEND=noninteractive apt-get install -y --only-upgrade nova-compute nova-common");
        assertThat(host.ok("dpkg -s nova-compute")).contains("Version: " + V2);
        assertThat(host.ok("nova-compute")).contains("max_build_retries=5");

        repo.point("qe", "b-1");
        update();
        host.ok("DEBIAN_FRONTEND=noninteractive apt-get install -y --allow-downgrades nova-compute=" + V1
                + " nova-common=" + V1);
        assertThat(host.ok("dpkg -s nova-compute")).contains("Version: " + V1);
        assertThat(host.ok("nova-compute")).contains("max_build_retries=4");
    }

    @Test
    @Order(3)
    void aTamperedReleaseIsRejectedByApt() throws Exception {
        Path suite = repo.root().resolve("dists/qe").toRealPath();
        for (String f : List.of("InRelease", "Release")) {
            Path p = suite.resolve(f);
            Files.writeString(p, Files.readString(p).replace("Inception suite qe", "Inception suite QE"));
        }
        host.ok("rm -rf /var/lib/apt/lists/*");
        Processes.Result r = host.sh("apt-get update 2>&1");
        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("BADSIG", "is not signed");
        repo.point("qe", "b-1"); // a fresh generation, correctly signed
        update();
    }

    @Test
    @Order(4)
    void aTamperedPackagesIndexIsRejectedByApt() throws Exception {
        Path binary = repo.root().resolve("dists/qe").toRealPath().resolve("main/binary-amd64");
        List<Path> indexes;
        try (var s = Files.walk(binary)) {
            indexes = s.filter(Files::isRegularFile).toList();
        }
        // a same-size forgery of every copy (plain, .gz, by-hash): only the SHA-256 in InRelease can tell
        for (Path p : indexes) {
            byte[] bytes = Files.readAllBytes(p);
            boolean gz = isGzip(p);
            String text = new String(gz ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))
                    .readAllBytes() : bytes, java.nio.charset.StandardCharsets.UTF_8);
            byte[] forged = gz ? sameSizeGzipForgery(text, bytes.length) : forge(text, text.indexOf("optional")).getBytes();
            assertThat(forged).isNotEqualTo(bytes).hasSameSizeAs(bytes);
            Files.write(p, forged);
        }
        host.ok("rm -rf /var/lib/apt/lists/*");
        Processes.Result r = host.sh("apt-get update 2>&1");
        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("Hash Sum mismatch", "Some index files failed to download");
        assertThat(host.ok("ls /var/lib/apt/lists/")).as("no forged index was kept").doesNotContain("_Packages");
        repo.point("qe", "b-1");
        update();
    }

    /** One letter's case flipped at {@code at}: same length, other bytes. */
    private static String forge(String text, int at) {
        char c = text.charAt(at);
        return text.substring(0, at) + (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))
                + text.substring(at + 1);
    }

    /** A forged index whose gzip has the original's size, so apt must compare the SHA-256 to notice. */
    private static byte[] sameSizeGzipForgery(String text, int size) {
        for (int at = text.indexOf("Description"); at < text.length(); at++) {
            if (!Character.isLetter(text.charAt(at))) continue;
            byte[] gz = io.inception.packaging.deb.Gzip.best(forge(text, at).getBytes());
            if (gz.length == size) return gz;
        }
        throw new AssertionError("no same-size forgery found");
    }

    private static boolean isGzip(Path p) throws Exception {
        byte[] head = Files.readAllBytes(p);
        return head.length > 2 && head[0] == 0x1f && (head[1] & 0xff) == 0x8b;
    }
}
