package io.inception.sandbox.ssh;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Apache MINA SSH server for many simulated hosts: its acceptor is bound to every host's
 * loopback address (same port), and each connection is answered as the host whose address it was
 * made to — that host's key, that host's Debian state. Ten thousand hosts cost ten thousand
 * listening sockets and a handful of threads, not ten thousand servers.
 */
final class SharedSshServer {
    /** SshServer with its acceptor reachable, to bind and unbind single addresses while it runs. */
    private static final class Server extends SshServer {
        IoAcceptor ioAcceptor() {
            return acceptor;
        }
    }

    private final Server sshd;
    private final Map<String, SandboxHost> byAddress = new ConcurrentHashMap<>();
    private int port;

    SharedSshServer(PublicKey clientKey, int port) {
        this.port = port;
        this.sshd = (Server) ServerBuilder.builder().factory(Server::new).build();
        CoreModuleProperties.NIO_WORKERS.set(sshd, Math.max(2, Runtime.getRuntime().availableProcessors()));
        sshd.setKeyPairProvider(this::hostKeys);
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, clientKey));
        sshd.setCommandFactory((channel, command) -> {
            SandboxHost host = hostOf(channel.getSession());
            if (host == null) throw new IOException("no simulated host at " + channel.getSession().getIoSession().getLocalAddress());
            return host.command(command);
        });
    }

    /** Starts listening on every host's address; the first bind fixes the port when it was 0. */
    void start(List<SandboxHost> hosts) {
        if (hosts.isEmpty()) throw new IllegalArgumentException("no hosts to serve");
        SandboxHost first = hosts.get(0);
        try {
            byAddress.put(first.address(), first);
            sshd.setHost(first.address());
            sshd.setPort(port);
            sshd.start();
            port = sshd.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("sandbox cannot listen on " + first.address() + ":" + port, e);
        }
        for (SandboxHost h : hosts.subList(1, hosts.size())) bind(h);
    }

    int port() {
        return port;
    }

    /** Accepts connections to {@code host}'s address. */
    void bind(SandboxHost host) {
        byAddress.put(host.address(), host);
        try {
            sshd.ioAcceptor().bind(new InetSocketAddress(host.address(), port));
        } catch (IOException e) {
            throw new UncheckedIOException("sandbox host " + host.name() + " cannot listen on " + host.address() + ":" + port, e);
        }
    }

    /** Stops serving {@code host} for good (a deleted VM): unbinds it and forgets its address. */
    void remove(SandboxHost host) {
        unbind(host);
        byAddress.remove(host.address(), host);
    }

    /** Stops accepting connections to {@code host}'s address and drops its open connections. */
    void unbind(SandboxHost host) {
        sshd.ioAcceptor().unbind(new InetSocketAddress(host.address(), port));
        for (AbstractSession s : sshd.getActiveSessions()) {
            if (hostOf(s) == host) s.close(true);
        }
    }

    void stop() {
        try {
            sshd.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<KeyPair> hostKeys(SessionContext context) {
        SandboxHost host = context instanceof Session s ? hostOf(s) : null;
        return host == null ? List.of() : List.of(host.hostKey());
    }

    private SandboxHost hostOf(Session session) {
        SocketAddress local = session.getIoSession().getLocalAddress();
        return local instanceof InetSocketAddress inet ? byAddress.get(inet.getAddress().getHostAddress()) : null;
    }
}
