package io.inception.engine.rollout;

import io.inception.engine.fleet.RemoteCommand;
import io.inception.engine.fleet.ShellQuote;

/** The commands a rollout runs on a host; every value is quoted by {@link RemoteCommand}. */
final class HostCommands {
    static final String SOURCES_FILE = "/etc/apt/sources.list.d/inception.list";

    private HostCommands() {
    }

    /** Prints {@code status|version} of the package, e.g. {@code install ok installed|2.0-1}. */
    static RemoteCommand query(String pkg) {
        return RemoteCommand.of("dpkg-query", "-W", "-f=${Status}|${Version}", pkg);
    }

    /** Points apt at one source: writes the sources file (same content each time) and updates the lists. */
    static RemoteCommand pointApt(String debLine) {
        return RemoteCommand.script("printf " + ShellQuote.quote("%s\\n") + " " + ShellQuote.quote(debLine) + " > "
                + ShellQuote.quote(SOURCES_FILE) + " && apt-get update -q").asRoot();
    }

    static RemoteCommand install(String pkg, String version) {
        return RemoteCommand.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q",
                "--allow-downgrades", pkg + "=" + version).asRoot();
    }

    static RemoteCommand restart(String service) {
        return RemoteCommand.of("systemctl", "restart", service).asRoot();
    }

    static RemoteCommand isActive(String service) {
        return RemoteCommand.of("systemctl", "is-active", service);
    }
}
