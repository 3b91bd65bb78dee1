package io.inception.sandbox.inova;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fault injection into a running {@link InovaSimulator}: builds that end in ERROR or never end,
 * a quota lower than the spec's, and servers that die after they became ACTIVE. Thread-safe.
 */
public final class InovaFaults {
    /** What an ACTIVE server turns into when it dies. */
    public enum Death { ERROR, SHUTOFF }

    enum BootKind { ERROR, NEVER }

    record BootFault(Pattern name, BootKind kind, String message) {
    }

    private final List<BootFault> boots = new ArrayList<>();
    private final List<Integer> remaining = new ArrayList<>();
    private InovaSpec.Quota quota;
    private Nova nova;

    InovaFaults() {
    }

    void attach(Nova n) {
        this.nova = n;
    }

    /**
     * The next {@code count} servers whose name matches {@code nameRegex} (found anywhere in the
     * name) end their build in ERROR with a fault carrying {@code message} (code 500), as a build
     * that failed on the hypervisor does.
     */
    public synchronized void failBoots(String nameRegex, int count, String message) {
        boots.add(new BootFault(Pattern.compile(nameRegex), BootKind.ERROR, message));
        remaining.add(count);
    }

    /** {@link #failBoots} for one server. */
    public void failNextBoot(String nameRegex) {
        failBoots(nameRegex, 1, "Build of instance aborted: injected fault (sandbox)");
    }

    /** The next {@code count} servers whose name matches stay in BUILD until deleted (a boot timeout). */
    public synchronized void hangBoots(String nameRegex, int count) {
        boots.add(new BootFault(Pattern.compile(nameRegex), BootKind.NEVER, null));
        remaining.add(count);
    }

    /** Replaces the project quota (instances, cores, RAM) until {@link #clearQuota()}. */
    public synchronized void overrideQuota(InovaSpec.Quota q) {
        this.quota = q;
    }

    public synchronized void clearQuota() {
        this.quota = null;
    }

    /**
     * The server named (or with id) {@code server} dies now: ACTIVE → ERROR (with a fault) or
     * SHUTOFF, as after its hypervisor went down. Fails when no such server exists.
     */
    public void kill(String server, Death to) {
        nova.kill(server, to.name(), Duration.ZERO);
    }

    /** The server dies {@code after} from now (on the simulator's clock), if it is ACTIVE then. */
    public void killLater(String server, Death to, Duration after) {
        nova.kill(server, to.name(), after);
    }

    /** Marks a hypervisor's nova-compute service down (state "down"; the scheduler skips it) or up. */
    public void computeHostDown(String host, boolean down) {
        nova.hostDown(host, down);
    }

    synchronized Optional<InovaSpec.Quota> quota() {
        return Optional.ofNullable(quota);
    }

    /** Takes the first boot fault that matches this server name, counting it down. */
    synchronized Optional<BootFault> takeBootFault(String serverName) {
        Iterator<BootFault> it = boots.iterator();
        for (int i = 0; it.hasNext(); i++) {
            BootFault f = it.next();
            if (f.name().matcher(serverName).find()) {
                int left = remaining.get(i) - 1;
                if (left <= 0) {
                    it.remove();
                    remaining.remove(i);
                } else {
                    remaining.set(i, left);
                }
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
