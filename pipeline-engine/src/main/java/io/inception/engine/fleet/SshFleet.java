package io.inception.engine.fleet;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs commands on hosts over SSH with JSch: key login, strict host-key checking against the
 * managed known_hosts file (an unknown or changed key refuses the host — enrol keys with
 * {@link HostTrust}), one connection per host reused by every command, and a timeout per command
 * after which the channel is closed. Thread-safe. Waiting for a command is done on a shared timer,
 * never by sleeping.
 */
public final class SshFleet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshFleet.class);
    private static final long POLL_MILLIS = 3;

    private final FleetSettings settings;
    private final JSch jsch;
    private final Map<HostTarget, Session> sessions = new ConcurrentHashMap<>();
    private final Map<HostTarget, Object> connectLocks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    private SshFleet(FleetSettings settings, JSch jsch) {
        this.settings = settings;
        this.jsch = jsch;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ssh-fleet-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /** A fleet that logs in as {@code settings.user()} and trusts only the keys in its known_hosts. */
    public static SshFleet open(FleetSettings settings) {
        try {
            JSch jsch = new JSch();
            if (!Files.exists(settings.knownHosts())) {
                throw new IllegalStateException("no known_hosts file at " + settings.knownHosts()
                        + ": enrol the hosts first (inception hosts trust <env>)");
            }
            jsch.setKnownHosts(settings.knownHosts().toString());
            jsch.addIdentity(settings.key().origin(), settings.key().bytes(), null, null);
            return new SshFleet(settings, jsch);
        } catch (JSchException e) {
            throw new IllegalStateException("cannot load the SSH key " + settings.key().origin()
                    + " or known_hosts " + settings.knownHosts() + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code command} on {@code host}, closing it after {@code timeout}. */
    public CommandResult exec(HostTarget host, RemoteCommand command, Duration timeout) {
        return exec(host, command, null, timeout);
    }

    /**
     * Runs {@code command} on {@code host} with {@code stdin} as its standard input (then end of
     * file), e.g. a tar archive for {@code tar -x} or a file for {@code cat > path}: what travels on
     * stdin never appears in a command line, a process list or a log.
     */
    public CommandResult exec(HostTarget host, RemoteCommand command, byte[] stdin, Duration timeout) {
        String previous = MDC.get("host");
        MDC.put("host", host.name());
        try {
            return execWithReconnect(host, command, stdin, timeout);
        } finally {
            if (previous == null) MDC.remove("host");
            else MDC.put("host", previous);
        }
    }

    private CommandResult execWithReconnect(HostTarget host, RemoteCommand command, byte[] stdin, Duration timeout) {
        for (int attempt = 1; ; attempt++) {
            Session session;
            try {
                session = session(host);
            } catch (JSchException e) {
                return classify(host, e);
            }
            ChannelExec channel;
            try {
                channel = (ChannelExec) session.openChannel("exec");
            } catch (JSchException e) {
                // a reused connection that the host dropped: reconnect once
                release(host);
                if (attempt == 1) continue;
                return new CommandResult.Unreachable(e.getMessage());
            }
            if (stdin != null) channel.setInputStream(new java.io.ByteArrayInputStream(stdin));
            return run(host, channel, command, timeout);
        }
    }

    private CommandResult run(HostTarget host, ChannelExec channel, RemoteCommand command, Duration timeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        channel.setCommand(command.toShell());
        channel.setOutputStream(out, true);
        channel.setErrStream(err, true);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        ScheduledFuture<?> watch = null;
        try {
            channel.connect((int) settings.connectTimeout().toMillis());
            watch = timer.scheduleAtFixedRate(() -> {
                if (channel.isClosed()) closed.complete(null);
            }, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
            closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int code = channel.getExitStatus();
            if (code < 0) return new CommandResult.Unreachable("connection lost while running " + command.argv().get(0));
            LOG.debug("{} -> {}", command, code);
            return new CommandResult.Completed(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            LOG.warn("{} timed out after {}", command, timeout);
            return new CommandResult.TimedOut(timeout);
        } catch (JSchException e) {
            release(host);
            return new CommandResult.Unreachable(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CommandResult.Unreachable("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            if (watch != null) watch.cancel(false);
            channel.disconnect();
        }
    }

    private Session session(HostTarget host) throws JSchException {
        Session existing = sessions.get(host);
        if (existing != null && existing.isConnected()) return existing;
        synchronized (connectLocks.computeIfAbsent(host, h -> new Object())) {
            existing = sessions.get(host);
            if (existing != null && existing.isConnected()) return existing;
            Session session = jsch.getSession(settings.user(), host.address(), host.port());
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            session.setConfig("HashKnownHosts", "no");
            session.setServerAliveInterval(15_000);
            session.connect((int) settings.connectTimeout().toMillis());
            sessions.put(host, session);
            return session;
        }
    }

    private CommandResult classify(HostTarget host, JSchException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("HostKey has been changed")) {
            return new CommandResult.Refused("host key of " + host + " has changed since it was enrolled in "
                    + settings.knownHosts() + "; if the host was reinstalled, remove its line and run"
                    + " `inception hosts trust` again, otherwise treat it as compromised");
        }
        if (message.contains("UnknownHostKey") || message.contains("reject HostKey")) {
            return new CommandResult.Refused("host key of " + host + " is not in " + settings.knownHosts()
                    + "; enrol it with `inception hosts trust`");
        }
        if (message.contains("Auth fail") || message.contains("Auth cancel")) {
            return new CommandResult.Refused("login as " + settings.user() + " to " + host + " failed with key "
                    + settings.key().origin());
        }
        return new CommandResult.Unreachable(message);
    }

    /** Closes the connection to {@code host} (the next command opens a new one). */
    public void release(HostTarget host) {
        Session s = sessions.remove(host);
        if (s != null) s.disconnect();
    }

    /** Open connections, for tests and metrics. */
    public int openConnections() {
        return (int) sessions.values().stream().filter(Session::isConnected).count();
    }

    @Override
    public void close() {
        sessions.keySet().forEach(this::release);
        timer.shutdownNow();
    }

    @Override
    public String toString() {
        return "SshFleet[" + settings.user() + ", known_hosts=" + settings.knownHosts() + "]";
    }
}
