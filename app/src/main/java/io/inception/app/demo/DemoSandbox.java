package io.inception.app.demo;

import io.inception.engine.merge.Secret;
import io.inception.inova.openstack.KeystoneLogin;
import io.inception.packaging.Packaging;
import io.inception.packaging.apt.RepoFileServer;
import io.inception.sandbox.inova.InovaSimulator;
import io.inception.sandbox.inova.InovaSpec;
import io.inception.sandbox.inova.ServerReachability;
import io.inception.sandbox.ssh.HostFault;
import io.inception.sandbox.ssh.HttpAptIndex;
import io.inception.sandbox.ssh.PackageIndex;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import io.inception.sandbox.ssh.SandboxHost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo's simulated cloud, started before the pipeline runs: {@link #HOSTS} compute hosts in two cells
 * behind real SSH (each with nova-compute {@link #PREVIOUS} from its base apt source, and reading the
 * real apt repository Inception publishes, served over HTTP), the sandbox iNova whose hypervisors are those
 * hosts and whose VMs become SSH hosts of the same sandbox when ACTIVE (so Puppet can configure the control
 * plane the provisioner made), and one host with a broken post-installation script in the last wave.
 */
public final class DemoSandbox implements AutoCloseable {
    /** Compute hosts of the demo's environment. */
    public static final int HOSTS = 200;
    /** The nova-compute every host runs before the rollout. */
    public static final String PREVIOUS = "1.0-1";
    /** The host whose install fails (a broken postinst): in the last wave of cell c2. */
    public static final String BROKEN_HOST = "c2-194";
    /** The base apt source every host has; the sandbox offers {@link #PREVIOUS} there (a local mirror). */
    static final String BASE_SOURCE = "deb [trusted=yes] file:/srv/mirror/previous ./";

    private final SandboxFleet fleet;
    private final InovaSimulator inova;
    private final RepoFileServer apt;

    private DemoSandbox(SandboxFleet fleet, InovaSimulator inova, RepoFileServer apt) {
        this.fleet = fleet;
        this.inova = inova;
        this.apt = apt;
    }

    /**
     * Starts it under {@code workDir}; {@code packaging}'s apt repository is served at {@link #aptUrl()}
     * for the hosts, which hold its key.
     */
    public static DemoSandbox start(Path workDir, Packaging packaging, Clock clock) throws IOException {
        Path aptRoot = packaging.repository().root();
        String key = packaging.key().exportArmored();
        PackageIndex previous = PackageIndex.fixed(Map.of("nova-compute", List.of(PREVIOUS)));
        SandboxFleet fleet = SandboxFleet.start(SandboxFleetSpec.of(HOSTS, 2, workDir.resolve("hosts"))
                .withIndex(new HttpAptIndex(previous)));
        InovaSimulator inova = null;
        try {
            // what the hosts' configuration management gave them: a base apt source and Inception's repository key
            for (SandboxHost h : fleet.hosts()) {
                h.state().withFile("/etc/apt/sources.list", BASE_SOURCE + "\n").withFile(Packaging.HOST_KEYRING, key);
            }
            fleet.get(BROKEN_HOST).inject(HostFault.INSTALL_FAILS);
            List<String> hypervisors = fleet.hosts().stream().map(SandboxHost::name).toList();
            inova = InovaSimulator.start(InovaSpec.defaults().withClock(clock).withComputeHosts(hypervisors)
                    .withBootDelay(Duration.ofMillis(300)));
            inova.reachability(ServerReachability.over(fleet));
            java.nio.file.Files.createDirectories(aptRoot);
            RepoFileServer apt = RepoFileServer.start(aptRoot, new InetSocketAddress("127.0.0.1", 0), "apt");
            return new DemoSandbox(fleet, inova, apt);
        } catch (IOException | RuntimeException e) {
            if (inova != null) inova.close();
            fleet.close();
            if (e instanceof IOException io) throw new UncheckedIOException("the demo's apt server could not start", io);
            throw (RuntimeException) e;
        }
    }

    public SandboxFleet fleet() {
        return fleet;
    }

    public InovaSimulator inova() {
        return inova;
    }

    /** The login of the sandbox iNova, for environments whose {@code control-plane.inova} is {@code sandbox}. */
    public KeystoneLogin inovaLogin() {
        return new KeystoneLogin(inova.authUrl(), inova.username(), new Secret(inova.password()), inova.project(),
                inova.domain());
    }

    /** Where the hosts read Inception's apt repository: {@code http://127.0.0.1:PORT/apt}. */
    public String aptUrl() {
        return apt.url();
    }

    @Override
    public void close() {
        apt.close();
        inova.close();
        fleet.close();
    }
}
