package io.inception.sandbox.ssh;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The simulated Debian system of one host: installed packages (version and dpkg status), services,
 * files, the package lists of the last {@code apt-get update}, and its faults. Thread-safe: every
 * method locks the state, as dpkg's lock serialises package work on a real host.
 */
public final class DebianState {
    /** One installed package as dpkg records it. */
    public record InstalledPackage(String version, String status) {
    }

    private final Map<String, InstalledPackage> packages = new HashMap<>();
    private final Map<String, Boolean> services = new HashMap<>();
    private final Map<String, String> files = new TreeMap<>();
    private final Map<String, List<String>> available = new HashMap<>();
    private final Map<String, Integer> installs = new HashMap<>();
    private final Set<HostFault> faults = EnumSet.noneOf(HostFault.class);
    private final List<String> commandLog = new ArrayList<>();

    /** Installs {@code pkg} at {@code version} with a service of the same name, active. */
    public synchronized DebianState withPackage(String pkg, String version) {
        packages.put(pkg, new InstalledPackage(version, "install ok installed"));
        services.put(pkg, true);
        return this;
    }

    /** Puts a file on the host, as configuration management would (e.g. the apt repository's key). */
    public synchronized DebianState withFile(String path, String content) {
        files.put(path, content);
        return this;
    }

    public synchronized Optional<InstalledPackage> installed(String pkg) {
        return Optional.ofNullable(packages.get(pkg));
    }

    /** The installed version, or empty. */
    public synchronized Optional<String> version(String pkg) {
        return installed(pkg).map(InstalledPackage::version);
    }

    public synchronized boolean serviceActive(String service) {
        return services.getOrDefault(service, false);
    }

    /** How many times an {@code apt-get install} changed {@code pkg} on this host. */
    public synchronized int installCount(String pkg) {
        return installs.getOrDefault(pkg, 0);
    }

    public synchronized Optional<String> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public synchronized void inject(HostFault fault) {
        faults.add(fault);
    }

    public synchronized void clear(HostFault fault) {
        faults.remove(fault);
    }

    public synchronized boolean has(HostFault fault) {
        return faults.contains(fault);
    }

    /** Every command line this host executed, in order. */
    public synchronized List<String> commandLog() {
        return List.copyOf(commandLog);
    }

    synchronized void logCommand(String line) {
        commandLog.add(line);
    }

    synchronized void writeFile(String path, String content) {
        files.put(path, content);
    }

    synchronized Map<String, String> filesUnder(String prefix) {
        Map<String, String> found = new TreeMap<>();
        files.forEach((k, v) -> {
            if (k.startsWith(prefix)) found.put(k, v);
        });
        return found;
    }

    synchronized void replaceAvailable(Map<String, List<String>> versions) {
        available.clear();
        versions.forEach((k, v) -> available.put(k, List.copyOf(v)));
    }

    synchronized List<String> available(String pkg) {
        return available.getOrDefault(pkg, List.of());
    }

    synchronized void setInstalled(String pkg, String version, String status) {
        InstalledPackage before = packages.get(pkg);
        if (before == null || !before.version().equals(version)) installs.merge(pkg, 1, Integer::sum);
        packages.put(pkg, new InstalledPackage(version, status));
        services.putIfAbsent(pkg, false);
    }

    synchronized boolean hasService(String service) {
        return services.containsKey(service);
    }

    synchronized void setService(String service, boolean active) {
        services.put(service, active);
    }
}
