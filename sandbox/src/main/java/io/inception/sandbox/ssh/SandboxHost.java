package io.inception.sandbox.ssh;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.command.Command;

import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One simulated host: its own loopback address and host key on the fleet's shared SSH server
 * (Apache MINA SSHD), public-key login for the sandbox's client key, and exec requests answered by
 * the host's {@link DebianState}. Faults are injected with {@link #inject(HostFault)}.
 */
public final class SandboxHost {
    private final String name;
    private final String cell;
    private final String address;
    private final DebianState state;
    private final AtomicReference<KeyPair> hostKey;
    private final DebianShell shell;
    private final ScheduledExecutorService timer;
    private final SharedSshServer server;
    private volatile Duration slowDelay = Duration.ofSeconds(2);

    SandboxHost(String name, String cell, String address, DebianState state, PackageIndex index,
                SharedSshServer server, ScheduledExecutorService timer) {
        this.name = name;
        this.cell = cell;
        this.address = address;
        this.state = state;
        this.hostKey = new AtomicReference<>(Keys.newKeyPair());
        this.shell = new DebianShell(state, index);
        this.server = server;
        this.timer = timer;
    }

    /** The key it presents now. */
    KeyPair hostKey() {
        return hostKey.get();
    }

    /** An exec request to this host. */
    Command command(String line) {
        return new SimulatedCommand(line, shell, state.has(HostFault.SLOW) ? slowDelay : Duration.ZERO, timer);
    }

    public String name() {
        return name;
    }

    public String cell() {
        return cell;
    }

    public String address() {
        return address;
    }

    public DebianState state() {
        return state;
    }

    /** Where it listens and the key it presents now. */
    public HostEndpoint endpoint() {
        return new HostEndpoint(name, cell, address, server.port(), PublicKeyEntry.toString(hostKey.get().getPublic()));
    }

    /** How long a {@link HostFault#SLOW} host takes to answer each command. */
    public void slowDelay(Duration delay) {
        this.slowDelay = delay;
    }

    /** Starts showing {@code fault}; UNREACHABLE stops the listener, CHANGED_HOST_KEY swaps the key. */
    public synchronized void inject(HostFault fault) {
        boolean had = state.has(fault);
        state.inject(fault);
        if (fault == HostFault.UNREACHABLE && !had) server.unbind(this);
        if (fault == HostFault.CHANGED_HOST_KEY) hostKey.set(Keys.newKeyPair());
    }

    /** Stops showing {@code fault} (an unreachable host listens again on the same port). */
    public synchronized void clear(HostFault fault) {
        boolean had = state.has(fault);
        state.clear(fault);
        if (fault == HostFault.UNREACHABLE && had) server.bind(this);
    }
}
