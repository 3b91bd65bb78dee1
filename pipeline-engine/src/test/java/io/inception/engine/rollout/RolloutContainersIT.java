package io.inception.engine.rollout;

import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.HostTrust;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.fleet.SshKey;
import io.inception.engine.fleet.TrustOutcome;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.store.Store;
import io.inception.engine.wait.WaitStrategy;
import io.inception.testing.FolderServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollout against 20 real hosts: containers of the project's Debian image ({@code
 * docker/debian-image/build.sh}), each running OpenSSH's {@code sshd} on its own loopback address
 * (host network), with real {@code apt-get} reading an apt repository served over HTTP by this test
 * and {@code dpkg} running the packages' maintainer scripts. One host's postinst fails (a broken
 * configuration on that host): the install fails for real and the host is rolled back.
 */
class RolloutContainersIT {
    static final int HOSTS = 20;
    static final int PORT = 22022;
    static final String LABEL = "io.inception.test=rollout-containers";

    @TempDir
    static Path dir;
    static FolderServer repo;
    static List<String> containers = new ArrayList<>();
    static List<HostTarget> hosts = new ArrayList<>();
    static Path key;

    @BeforeAll
    static void startHosts() throws Exception {
        sh("docker", "rm", "-f", "-v", "$(docker ps -aq --filter label=" + LABEL + ")");
        String image = sh("bash", repoRoot().resolve("docker/debian-image/build.sh").toString()).trim();
        Path pool = Files.createDirectories(dir.resolve("repo"));
        buildPackage(pool, "1.0-1", "exit 0");
        buildPackage(pool, "2.0-1", "[ -e /etc/nova/broken.conf ] && { echo 'nova-compute: invalid /etc/nova/broken.conf' >&2; exit 1; }\nexit 0");
        writeIndex(pool);
        repo = FolderServer.serve(pool);

        key = dir.resolve("id_ed25519");
        sh("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        String pub = Files.readString(dir.resolve("id_ed25519.pub")).trim();
        Path shim = dir.resolve("systemctl");
        Files.copy(RolloutContainersIT.class.getResourceAsStream("/rollout-containers/systemctl"), shim);
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (int i = 1; i <= HOSTS; i++) {
            String address = "127.0.3." + i;
            String name = String.format("qe-c%d-%03d", i <= HOSTS / 2 ? 1 : 2, i);
            String setup = "set -e; mkdir -p /root/.ssh /etc/nova; echo '" + pub + "' > /root/.ssh/authorized_keys;"
                    + " chmod 600 /root/.ssh/authorized_keys; cp /rig/systemctl /usr/local/bin/systemctl;"
                    + " rm -f /etc/apt/sources.list /etc/apt/sources.list.d/*;"
                    + (i == 7 ? " echo 'bad' > /etc/nova/broken.conf;" : "")
                    + " dpkg -i /repo/nova-compute_1.0-1_all.deb >/dev/null; systemctl start nova-compute; ssh-keygen -A;"
                    + " exec /usr/sbin/sshd -D -e -o ListenAddress=" + address + ":" + PORT + " -o MaxStartups=100";
            containers.add(sh("docker", "run", "-d", "--rm", "--network", "host", "--label", LABEL,
                    "-v", pool + ":/repo:ro", "-v", dir + ":/rig:ro", image, "sh", "-c", setup).trim());
            hosts.add(new HostTarget(name, name.substring(3, 5), address, PORT));
        }
    }

    @AfterAll
    static void stopHosts() throws Exception {
        if (!containers.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("docker", "rm", "-f"));
            rm.addAll(containers);
            new ProcessBuilder(rm).redirectErrorStream(true).start().waitFor(120, TimeUnit.SECONDS);
        }
        if (repo != null) repo.close();
    }

    @Test
    void twentyRealHostsAreUpgradedAndTheOneWhosePostinstFailsIsRolledBack() throws Exception {
        FleetSettings settings = FleetSettings.of("root", SshKey.fromFile(key), dir.resolve("known_hosts"));
        List<TrustOutcome> trust = awaitEnrolment(settings);
        assertThat(trust).allSatisfy(t -> assertThat(t).isInstanceOf(TrustOutcome.Recorded.class));

        String source = "deb [trusted=yes] " + repo.url() + " ./";
        try (Store store = Store.openDefault(dir.resolve("home")); SshFleet fleet = SshFleet.open(settings)) {
            InMemoryDrain drain = new InMemoryDrain();
            RolloutEngine engine = new RolloutEngine(store.rollouts(), fleet, drain, Clock.systemUTC(), IdGenerator.sequential(""));
            RolloutSpec spec = RolloutSpec.of("qe", "b-42", "2.0-1", source).withMaxParallel(10)
                    .withWaves(RolloutSpec.parseWaves("1,2,100%")).withBudget(FailureBudgetPolicy.parse("1"))
                    .withCellOrder(CellOrder.ONE_AT_A_TIME).withCommandTimeout(Duration.ofMinutes(3));
            RolloutSummary summary = engine.run(engine.plan(spec, hosts));

            assertThat(summary.status()).as(summary.line()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(summary.count(HostPhase.DONE)).as(summary.failed().toString()).isEqualTo(HOSTS - 1);
            assertThat(summary.count(HostPhase.ROLLED_BACK)).isEqualTo(1);
            assertThat(summary.failed()).singleElement().asString()
                    .contains("qe-c1-007", "apt-get install nova-compute=2.0-1", "post-installation script subprocess returned error exit status 1",
                            "rolled back to 1.0-1");
            for (int i = 0; i < HOSTS; i++) {
                String expected = i == 6 ? "install ok installed 1.0-1" : "install ok installed 2.0-1";
                assertThat(sh("docker", "exec", containers.get(i), "dpkg-query", "-W", "-f=${Status} ${Version}",
                        "nova-compute")).as(hosts.get(i).name()).isEqualTo(expected);
                assertThat(sh("docker", "exec", containers.get(i), "systemctl", "is-active", "nova-compute").trim())
                        .isEqualTo("active");
            }
            assertThat(drain.drained()).isEmpty();
        }
    }

    /** The containers' sshd starts with them: enrol each as soon as it answers. */
    private static List<TrustOutcome> awaitEnrolment(FleetSettings settings) throws Exception {
        return HostTrust.enrolWhenUp(settings, hosts, WaitStrategy.of(Duration.ofSeconds(120), Duration.ofMillis(500)))
                .orElseThrow(AssertionError::new);
    }

    private static void buildPackage(Path pool, String version, String postinst) throws Exception {
        Path root = Files.createDirectories(dir.resolve("pkg-" + version));
        Files.createDirectories(root.resolve("DEBIAN"));
        Files.createDirectories(root.resolve("usr/bin"));
        Files.writeString(root.resolve("DEBIAN/control"), "Package: nova-compute\nVersion: " + version
                + "\nArchitecture: all\nMaintainer: Inception <ci@inception.invalid>\nDescription: test nova-compute\n");
        Path script = Files.writeString(root.resolve("DEBIAN/postinst"), "#!/bin/sh\nset -e\n" + postinst + "\n");
        Path daemon = Files.writeString(root.resolve("usr/bin/nova-compute"), "#!/bin/sh\nexec sleep 100000\n");
        for (Path p : List.of(script, daemon)) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        sh("dpkg-deb", "--root-owner-group", "-b", root.toString(), pool.resolve("nova-compute_" + version + "_all.deb").toString());
    }

    private static void writeIndex(Path pool) throws Exception {
        String packages = sh("sh", "-c", "cd " + pool + " && dpkg-scanpackages -m . /dev/null 2>/dev/null");
        Files.writeString(pool.resolve("Packages"), packages);
        byte[] bytes = packages.getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Files.writeString(pool.resolve("Release"), "Origin: inception-test\nLabel: inception-test\nDate: "
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(java.time.ZoneOffset.UTC))
                + "\nSHA256:\n " + sha + " " + bytes.length + " Packages\n");
    }

    private static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("docker/debian-image/build.sh"))) return p;
        }
        throw new IllegalStateException("docker/debian-image/build.sh not found above " + Path.of("").toAbsolutePath());
    }

    /** Runs a command (a "$(...)" argument runs through sh), returns stdout, fails on a non-zero exit. */
    private static String sh(String... argv) throws IOException, InterruptedException {
        List<String> cmd = List.of(argv);
        if (cmd.stream().anyMatch(a -> a.contains("$("))) cmd = List.of("sh", "-c", String.join(" ", argv) + " 2>/dev/null || true");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1800, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed with " + p.exitValue() + ": " + out);
        }
        return out;
    }
}
