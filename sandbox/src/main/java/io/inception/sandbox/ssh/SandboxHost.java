package io.inception.sandbox.ssh;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One simulated host: a real SSH server (Apache MINA SSHD) on its own loopback address with its own
 * host key, public-key login for the sandbox's client key, and exec requests answered by the host's
 * {@link DebianState}. Faults are injected with {@link #inject(HostFault)}.
 */
public final class SandboxHost {
    private final String name;
    private final String cell;
    private final String address;
    private final DebianState state;
    private final AtomicReference<KeyPair> hostKey;
    private final DebianShell shell;
    private final PublicKey clientKey;
    private final ScheduledExecutorService timer;
    private SshServer server;
    private volatile Duration slowDelay = Duration.ofSeconds(2);
    private int port;

    SandboxHost(String name, String cell, String address, int port, DebianState state, PackageIndex index,
                PublicKey clientKey, ScheduledExecutorService timer) {
        this.name = name;
        this.cell = cell;
        this.address = address;
        this.state = state;
        this.hostKey = new AtomicReference<>(Keys.newKeyPair());
        this.port = port;
        this.shell = new DebianShell(state, index);
        this.clientKey = clientKey;
        this.timer = timer;
    }

    private SshServer newServer() {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost(address);
        sshd.setPort(port);
        CoreModuleProperties.NIO_WORKERS.set(sshd, 1);
        KeyPairProvider keys = session -> List.of(hostKey.get());
        sshd.setKeyPairProvider(keys);
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, clientKey));
        sshd.setCommandFactory((channel, command) -> new SimulatedCommand(command, shell,
                state.has(HostFault.SLOW) ? slowDelay : Duration.ZERO, timer));
        return sshd;
    }

    synchronized void start() {
        try {
            server = newServer();
            server.start();
            port = server.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("sandbox host " + name + " cannot listen on " + address + ":" + port, e);
        }
    }

    synchronized void stop() {
        if (server == null) return;
        try {
            server.stop(true);
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public String cell() {
        return cell;
    }

    public DebianState state() {
        return state;
    }

    /** Where it listens and the key it presents now. */
    public synchronized HostEndpoint endpoint() {
        return new HostEndpoint(name, cell, address, port, PublicKeyEntry.toString(hostKey.get().getPublic()));
    }

    /** How long a {@link HostFault#SLOW} host takes to answer each command. */
    public void slowDelay(Duration delay) {
        this.slowDelay = delay;
    }

    /** Starts showing {@code fault}; UNREACHABLE stops the listener, CHANGED_HOST_KEY swaps the key. */
    public void inject(HostFault fault) {
        state.inject(fault);
        if (fault == HostFault.UNREACHABLE) stop();
        if (fault == HostFault.CHANGED_HOST_KEY) hostKey.set(Keys.newKeyPair());
    }

    /** Stops showing {@code fault} (an unreachable host listens again on the same port). */
    public void clear(HostFault fault) {
        boolean had = state.has(fault);
        state.clear(fault);
        if (fault == HostFault.UNREACHABLE && had) start();
    }
}
