package io.inception.engine.fleet;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import io.inception.engine.wait.WaitStrategy;
import io.inception.engine.wait.Waited;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Trust on enrolment ({@code inception hosts trust <env>}): reads each host's key once, records
 * unknown keys in the managed known_hosts file and reports every recorded key; a key that differs
 * from the recorded one is reported and never overwritten.
 */
public final class HostTrust {
    private HostTrust() {
    }

    /** Enrols every host; the file is created when missing. */
    public static List<TrustOutcome> enrol(FleetSettings settings, List<HostTarget> hosts) {
        List<TrustOutcome> outcomes = new ArrayList<>();
        try {
            if (!Files.exists(settings.knownHosts())) {
                Files.createDirectories(settings.knownHosts().toAbsolutePath().getParent());
                Files.createFile(settings.knownHosts());
            }
            JSch managed = new JSch();
            managed.setKnownHosts(settings.knownHosts().toString());
            HostKeyRepository recorded = managed.getHostKeyRepository();
            for (HostTarget host : hosts) {
                HostKey key;
                try {
                    key = presented(settings, host);
                } catch (JSchException e) {
                    outcomes.add(new TrustOutcome.Failed(host, e.getMessage()));
                    continue;
                }
                TrustOutcome outcome = enrolOne(host, key, recorded);
                if (outcome instanceof TrustOutcome.Recorded) {
                    Files.writeString(settings.knownHosts(), host.knownHostsName() + " " + key.getType() + " "
                            + key.getKey() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                    managed.setKnownHosts(settings.knownHosts().toString());
                    recorded = managed.getHostKeyRepository();
                }
                outcomes.add(outcome);
            }
            return outcomes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + settings.knownHosts(), e);
        } catch (JSchException e) {
            throw new IllegalStateException("cannot read " + settings.knownHosts() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Enrols hosts that may still be starting (a container, a booting VM): the hosts whose sshd did
     * not answer are enrolled again on every look of {@code wait} until all answered; on time-out the
     * outcome says which still did not and why.
     */
    public static Waited<List<TrustOutcome>> enrolWhenUp(FleetSettings settings, List<HostTarget> hosts, WaitStrategy wait)
            throws InterruptedException {
        Map<HostTarget, TrustOutcome> outcomes = new LinkedHashMap<>();
        hosts.forEach(h -> outcomes.put(h, new TrustOutcome.Failed(h, "not tried yet")));
        return wait.poll("sshd answering on " + hosts.size() + " host(s)", () -> {
            List<HostTarget> pending = failed(outcomes.values()).stream().map(TrustOutcome::host).toList();
            enrol(settings, pending).forEach(o -> outcomes.put(o.host(), o));
            return failed(outcomes.values()).isEmpty() ? Optional.of(List.copyOf(outcomes.values())) : Optional.empty();
        }, () -> failed(outcomes.values()).stream().map(f -> f.host().name() + ": " + ((TrustOutcome.Failed) f).reason())
                .collect(Collectors.joining(", ")));
    }

    private static List<TrustOutcome> failed(Collection<TrustOutcome> outcomes) {
        return outcomes.stream().filter(TrustOutcome.Failed.class::isInstance).toList();
    }

    private static TrustOutcome enrolOne(HostTarget host, HostKey key, HostKeyRepository recorded) {
        JSch jsch = new JSch();
        String fingerprint = key.getFingerPrint(jsch);
        int check = recorded.check(host.knownHostsName(), Base64.getDecoder().decode(key.getKey()));
        if (check == HostKeyRepository.OK) return new TrustOutcome.AlreadyTrusted(host, fingerprint);
        if (check == HostKeyRepository.CHANGED) {
            String old = "";
            for (HostKey k : recorded.getHostKey(host.knownHostsName(), null)) old = k.getFingerPrint(jsch);
            return new TrustOutcome.Changed(host, old, fingerprint);
        }
        return new TrustOutcome.Recorded(host, key.getType(), fingerprint);
    }

    /** The key the host presents now (read with a throwaway session that trusts anything and runs nothing). */
    private static HostKey presented(FleetSettings settings, HostTarget host) throws JSchException {
        JSch jsch = new JSch();
        jsch.setKnownHosts(new ByteArrayInputStream(new byte[0]));
        Session session = jsch.getSession(settings.user(), host.address(), host.port());
        session.setConfig("StrictHostKeyChecking", "no");
        session.setConfig("PreferredAuthentications", "none");
        try {
            session.connect((int) settings.connectTimeout().toMillis());
        } catch (JSchException e) {
            // authentication "none" is refused after the key exchange: the key is known by then
            if (session.getHostKey() == null) throw e;
        } finally {
            session.disconnect();
        }
        return session.getHostKey();
    }
}
