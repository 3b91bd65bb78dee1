package io.inception.sandbox.ssh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * N simulated hosts behind real SSH, on loopback addresses {@code 127.0.x.y} (host 1 is
 * {@code 127.0.1.1}, 250 hosts per {@code x}, so 10,000 hosts use {@code 127.0.1-40.*}), each with
 * its own host key, all accepting one client key that the fleet writes to {@code workDir/id_ecdsa}.
 * One {@link SharedSshServer} serves them all on one port. {@code SandboxFleet.start(spec)}
 * returns once every host listens; {@link #close()} stops them.
 */
public final class SandboxFleet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxFleet.class);

    private static final String MINA_BC = "org.apache.sshd.security.provider.BC.enabled";

    private final SandboxFleetSpec spec;
    private final Map<String, SandboxHost> hosts;
    private final Path privateKeyFile;
    private final PackageIndex index;
    private final ScheduledExecutorService timer;
    private final SharedSshServer server;

    private SandboxFleet(SandboxFleetSpec spec, Map<String, SandboxHost> hosts, Path privateKeyFile,
                         ScheduledExecutorService timer, SharedSshServer server) {
        this.spec = spec;
        this.hosts = Collections.synchronizedMap(hosts);
        this.privateKeyFile = privateKeyFile;
        this.index = spec.index();
        this.timer = timer;
        this.server = server;
    }

    /** Starts every host; fails (and stops those started) when one cannot listen. */
    public static SandboxFleet start(SandboxFleetSpec spec) {
        // The sandbox needs only the JDK's EC keys. MINA would otherwise register Bouncy Castle when
        // another module puts it on the class path, and its EC curve table then fails to initialise.
        if (System.getProperty(MINA_BC) == null) System.setProperty(MINA_BC, "false");
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                    Thread t = new Thread(r, "sandbox-ssh-host");
                    t.setDaemon(true);
                    return t;
                });
        Map<String, SandboxHost> hosts = new LinkedHashMap<>();
        SharedSshServer server = null;
        try {
            if (spec.hosts() > 250 * 254) throw new IllegalArgumentException("at most " + 250 * 254 + " sandbox hosts");
            Files.createDirectories(spec.workDir());
            KeyPair client = Keys.newKeyPair();
            Path keyFile = spec.workDir().resolve("id_ecdsa");
            Keys.writePrivateKey(client, keyFile);
            server = new SharedSshServer(client.getPublic(), spec.port());
            int cells = Math.max(1, spec.cells());
            for (int i = 0; i < spec.hosts(); i++) {
                int cell = 1 + (int) ((long) i * cells / spec.hosts());
                String name = String.format("c%d-%03d", cell, i + 1);
                String address = "127.0." + (1 + i / 250) + "." + (1 + i % 250);
                DebianState state = new DebianState().withPackage(spec.packageName(), spec.initialVersion());
                hosts.put(name, new SandboxHost(name, "c" + cell, address, state, spec.index(), server, timer));
            }
            server.start(List.copyOf(hosts.values()));
            LOG.info("sandbox fleet up: {} hosts in {} cells", hosts.size(), cells);
            return new SandboxFleet(spec, hosts, keyFile, timer, server);
        } catch (IOException | RuntimeException e) {
            if (server != null) server.stop();
            timer.shutdownNow();
            if (e instanceof IOException io) throw new UncheckedIOException(io);
            throw (RuntimeException) e;
        }
    }

    public List<SandboxHost> hosts() {
        synchronized (hosts) {
            return List.copyOf(hosts.values());
        }
    }

    /**
     * Adds a host while the fleet runs (e.g. a VM the sandbox iNova just booted): its own host key,
     * an empty Debian state, the fleet's client key and port, listening before this returns.
     *
     * @throws IllegalArgumentException when the name or the address is taken
     */
    public SandboxHost addHost(String name, String cell, String address) {
        synchronized (hosts) {
            if (hosts.containsKey(name)) throw new IllegalArgumentException("sandbox host " + name + " exists");
            if (hosts.values().stream().anyMatch(h -> h.address().equals(address))) {
                throw new IllegalArgumentException("sandbox address " + address + " is taken");
            }
            SandboxHost host = new SandboxHost(name, cell, address, new DebianState(), index, server, timer);
            server.bind(host);
            hosts.put(name, host);
            LOG.debug("sandbox host {} added at {}", name, address);
            return host;
        }
    }

    /** Removes a host added with {@link #addHost}: it stops listening and its connections close. */
    public void removeHost(String name) {
        SandboxHost host;
        synchronized (hosts) {
            host = hosts.remove(name);
        }
        if (host != null) server.remove(host);
    }

    public Optional<SandboxHost> host(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    public SandboxHost get(String name) {
        return host(name).orElseThrow(() -> new IllegalArgumentException("no sandbox host " + name));
    }

    public List<HostEndpoint> endpoints() {
        List<HostEndpoint> list = new ArrayList<>();
        hosts().forEach(h -> list.add(h.endpoint()));
        return list;
    }

    /** The SSH port every host of the fleet listens on. */
    public int port() {
        return server.port();
    }

    public String user() {
        return spec.user();
    }

    /** The OpenSSH private key file every host accepts. */
    public Path privateKeyFile() {
        return privateKeyFile;
    }

    /** Writes a known_hosts file holding every host's current key. */
    public Path writeKnownHosts(Path file) {
        List<String> lines = endpoints().stream().map(HostEndpoint::knownHostsLine).toList();
        try {
            Files.write(file, lines);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document {@code inception sandbox up --json} prints: {@code hosts} and {@code ssh}. */
    public String describeJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("hosts");
        for (HostEndpoint e : endpoints()) {
            list.addObject().put("name", e.name()).put("cell", e.cell()).put("address", e.address())
                    .put("port", e.port()).put("hostKey", e.hostKey());
        }
        root.putObject("ssh").put("user", spec.user()).put("privateKeyFile", privateKeyFile.toString());
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        timer.shutdownNow();
    }
}
