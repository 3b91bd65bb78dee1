package io.inception.puppet.apply;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.HostTrust;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.fleet.SshKey;
import io.inception.engine.fleet.TrustOutcome;
import io.inception.engine.wait.WaitStrategy;
import io.inception.puppet.ManifestFixtures;
import io.inception.puppet.config.PuppetConfig;
import io.inception.puppet.config.PuppetSection;
import io.inception.puppet.manifests.ManifestSource;
import io.inception.puppet.manifests.ManifestTree;
import io.inception.puppet.node.Credentials;
import io.inception.puppet.node.HieraRenderer;
import io.inception.puppet.node.PuppetNode;
import io.inception.testing.FolderServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Puppet 7 in a container of the project's image (it carries {@code puppet}), reached over
 * real OpenSSH: the sample nova-compute role installs a nova-compute .deb from an apt repository this
 * test serves, renders nova.conf and starts the service; a second apply changes nothing; a hand edit
 * shows as drift without touching the last run's report; every role's catalog compiles.
 */
class PuppetContainersIT {
    static final String LABEL = "io.inception.test=puppet-containers";
    static final String ADDRESS = "127.0.9.1";
    static final String SECRET = "rabbit-it-secret";

    @TempDir
    static Path dir;
    static FolderServer repo;
    static String container;
    static HostTarget host;
    static SshFleet fleet;
    static PuppetApplier applier;
    static HieraRenderer renderer;
    static ManifestTree tree;

    @BeforeAll
    static void start() throws Exception {
        sh("sh", "-c", "docker rm -f -v $(docker ps -aq --filter label=" + LABEL + ") 2>/dev/null || true");
        String image = sh("bash", ManifestFixtures.sampleManifests().getParent().getParent().resolve("docker/debian-image/build.sh").toString()).trim();
        Path pool = Files.createDirectories(dir.resolve("repo"));
        buildPackage(pool, "2.0-1");
        sh("sh", "-c", "cd " + pool + " && dpkg-scanpackages -m . /dev/null > Packages 2>/dev/null");
        repo = FolderServer.serve(pool);

        Path key = dir.resolve("id_ed25519");
        sh("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        String pub = Files.readString(dir.resolve("id_ed25519.pub")).trim();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        String setup = "set -e; mkdir -p /root/.ssh; echo '" + pub + "' > /root/.ssh/authorized_keys; chmod 600 /root/.ssh/authorized_keys;"
                + " rm -f /etc/apt/sources.list /etc/apt/sources.list.d/*; ssh-keygen -A;"
                + " exec /usr/sbin/sshd -D -e -o ListenAddress=" + ADDRESS + ":" + port;
        container = sh("docker", "run", "-d", "--rm", "--network", "host", "--label", LABEL, "--hostname", "qe-c1-001",
                image, "sh", "-c", setup).trim();
        host = new HostTarget("qe-c1-001", "c1", ADDRESS, port);
        FleetSettings settings = FleetSettings.of("root", SshKey.fromFile(key), dir.resolve("known_hosts"));
        // the container's sshd starts with it: enrol it as soon as it answers
        List<TrustOutcome> trust = HostTrust.enrolWhenUp(settings, List.of(host),
                WaitStrategy.of(Duration.ofSeconds(120), Duration.ofMillis(500))).orElseThrow(AssertionError::new);
        assertThat(trust).singleElement().isInstanceOf(TrustOutcome.Recorded.class);
        fleet = SshFleet.open(settings);

        EnvironmentFile env = ManifestFixtures.environment(ManifestFixtures.manifestRepo(dir), "qe-c1-001", "qe-ctl-1");
        PuppetConfig config = env.section(new PuppetSection()).orElseThrow();
        tree = new ManifestSource(dir.resolve("cache")).read(config, null, null, null);
        renderer = new HieraRenderer(config, new Credentials(env.credentials(), Map.of("QE_RABBIT_PASSWORD", SECRET)::get));
        applier = new PuppetApplier(tree, renderer, Map.of("inception::build::version", "2.0-1",
                "inception::build::apt_source", "deb [trusted=yes] " + repo.url() + " ./"),
                fleet, Duration.ofMinutes(30));
    }

    @AfterAll
    static void stop() throws Exception {
        if (fleet != null) fleet.close();
        if (container != null) new ProcessBuilder("docker", "rm", "-f", container).start().waitFor(60, TimeUnit.SECONDS);
        if (repo != null) repo.close();
    }

    @Test
    void novaComputeIsInstalledConfiguredAndRunningThenStableThenDriftIsSeen() throws Exception {
        PuppetNode node = new PuppetNode(host, List.of("role::nova_compute"));
        HostApply first = applier.applyOne(node);
        assertThat(first.status()).as(first.message()).isEqualTo(HostApply.Status.CHANGED);
        assertThat(first.exitCode()).isEqualTo(2);
        assertThat(first.changed()).extracting(ResourceStatus::resource).contains("Package[nova-compute]",
                "File[/etc/nova/nova.conf]", "Service[nova-compute]", "File[/etc/apt/sources.list.d/inception-build.list]");
        assertThat(exec("dpkg-query", "-W", "-f=${Status} ${Version}", "nova-compute")).isEqualTo("install ok installed 2.0-1");
        String conf = exec("cat", "/etc/nova/nova.conf");
        assertThat(conf).contains("host = qe-c1-001", "cell = c1", "www_authenticate_uri = http://keystone.qe:5000/v3",
                "api_servers = http://glance.qe:9292", "transport_url = rabbit://nova:" + SECRET + "@rabbitmq.c1:5672/");
        assertThat(exec("sh", "-c", "/etc/init.d/nova-compute status && echo running")).contains("running");
        String bundle = "/var/lib/inception/puppet/" + tree.commit().shortCommit();
        assertThat(exec("stat", "-c", "%a %U", bundle, bundle + "/inception/data/secrets.yaml")).isEqualTo("700 root\n600 root");
        assertThat(exec("cat", PuppetRunner.LAST_RUN_REPORT)).doesNotContain(SECRET);
        assertThat(first.toString()).doesNotContain(SECRET);

        HostApply second = applier.applyOne(node);
        assertThat(second.exitCode()).as(second.message()).isEqualTo(0);
        assertThat(second.status()).isEqualTo(HostApply.Status.UNCHANGED);
        assertThat(second.changed()).isEmpty();

        exec("sh", "-c", "echo 'debug = True' >> /etc/nova/nova.conf");
        String lastRun = exec("sha256sum", PuppetRunner.LAST_RUN_REPORT);
        PuppetDrift drift = applier.driftOne(node);
        assertThat(drift.error()).isEmpty();
        assertThat(drift.wouldChange()).extracting(ResourceStatus::resource).containsExactly("File[/etc/nova/nova.conf]");
        assertThat(drift.wouldChange().get(0).messages()).singleElement().asString().contains("(noop)").doesNotContain(SECRET);
        assertThat(exec("sha256sum", PuppetRunner.LAST_RUN_REPORT)).isEqualTo(lastRun);
        assertThat(exec("cat", "/etc/nova/nova.conf")).contains("debug = True");
    }

    @Test
    void everyRolesCatalogCompilesAndEveryManifestParses() throws Exception {
        String dirOnHost = "/tmp/manifests";
        exec("mkdir", "-p", dirOnHost);
        for (String path : tree.manifests()) {
            Path local = dir.resolve("m").resolve(path);
            Files.createDirectories(local.getParent());
            Files.write(local, tree.files().get(path));
        }
        sh("docker", "cp", dir.resolve("m").toString() + "/.", container + ":" + dirOnHost);
        assertThat(exec("sh", "-c", "cd " + dirOnHost + " && find . -name '*.pp' | sort | xargs puppet parser validate && echo valid"))
                .isEqualTo("valid");
        // every control role and the XenServer role compiled and evaluated together in one noop run (one
        // Puppet start instead of eight; the roles declare disjoint resources, so a duplicate would be a bug too)
        List<String> roles = List.of("nova_api", "nova_scheduler", "nova_conductor", "glance", "keystone", "cell_mysql",
                "cell_rabbitmq", "xenserver_host");
        HostApply noop = new PuppetRunner(fleet, Duration.ofMinutes(30)).run(renderer.bundle(new PuppetNode(host,
                roles.stream().map(r -> "role::" + r).toList()), tree, Map.of()), true);
        assertThat(noop.status()).as(noop.message()).isEqualTo(HostApply.Status.CHANGED);
        assertThat(noop.outOfSync()).extracting(ResourceStatus::resource).contains("Service[keystone]", "Package[glance-api]",
                "Service[nova-api]", "File[/etc/nova/nova-scheduler.conf]", "Service[nova-scheduler]", "Service[nova-conductor]", "Package[mariadb-server]",
                "Service[rabbitmq-server]", "File[/etc/sysctl.d/90-inception-nova.conf]");
        Files.writeString(dir.resolve("broken.pp"), "class broken { file { '/x': ensure => }\n");
        sh("docker", "cp", dir.resolve("broken.pp").toString(), container + ":/tmp/broken.pp");
        Process p = new ProcessBuilder("docker", "exec", container, "puppet", "parser", "validate", "/tmp/broken.pp").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isNotZero();
        assertThat(out).contains("/tmp/broken.pp");
    }

    private static String exec(String... argv) throws IOException, InterruptedException {
        String[] cmd = new String[argv.length + 3];
        cmd[0] = "docker";
        cmd[1] = "exec";
        cmd[2] = container;
        System.arraycopy(argv, 0, cmd, 3, argv.length);
        return sh(cmd).strip();
    }

    private static void buildPackage(Path pool, String version) throws Exception {
        Path root = Files.createDirectories(dir.resolve("pkg-" + version));
        Files.createDirectories(root.resolve("DEBIAN"));
        Files.createDirectories(root.resolve("usr/bin"));
        Files.createDirectories(root.resolve("etc/init.d"));
        Files.writeString(root.resolve("DEBIAN/control"), "Package: nova-compute\nVersion: " + version
                + "\nArchitecture: all\nMaintainer: Inception <ci@inception.invalid>\nDescription: test nova-compute\n");
        Path daemon = Files.writeString(root.resolve("usr/bin/nova-compute"), "#!/bin/sh\nexec sleep 100000\n");
        Path init = Files.writeString(root.resolve("etc/init.d/nova-compute"), """
                #!/bin/sh
                ### BEGIN INIT INFO
                # Provides:          nova-compute
                # Required-Start:    $remote_fs
                # Required-Stop:     $remote_fs
                # Default-Start:     2 3 4 5
                # Default-Stop:      0 1 6
                # Short-Description: nova-compute (test)
                ### END INIT INFO
                PID=/run/nova-compute.pid
                case "$1" in
                  start) start-stop-daemon --start --quiet --background --make-pidfile --pidfile $PID --exec /usr/bin/nova-compute ;;
                  stop) start-stop-daemon --stop --quiet --oknodo --pidfile $PID; rm -f $PID ;;
                  restart|force-reload) $0 stop; $0 start ;;
                  status) start-stop-daemon --status --pidfile $PID ;;
                  *) exit 2 ;;
                esac
                """);
        for (Path p : List.of(daemon, init)) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        sh("dpkg-deb", "--root-owner-group", "-b", root.toString(), pool.resolve("nova-compute_" + version + "_all.deb").toString());
    }

    private static String sh(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1800, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed with " + p.exitValue() + ": " + out);
        }
        return out;
    }
}
