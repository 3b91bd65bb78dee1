package io.inception.engine.fleet;

import java.util.regex.Pattern;

/**
 * A host the fleet talks to.
 *
 * @param name    host name as the inventory writes it (letters, digits, {@code . _ -})
 * @param cell    the compute cell it belongs to
 * @param address DNS name or IP address to connect to
 * @param port    SSH port
 */
public record HostTarget(String name, String cell, String address, int port) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");

    public HostTarget {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid host name: " + ShellQuote.quote(String.valueOf(name)));
        }
        if (address == null || !NAME.matcher(address).matches() && !address.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("invalid address for host " + name);
        }
        if (port < 1 || port > 65535) throw new IllegalArgumentException("invalid port for host " + name + ": " + port);
    }

    /** How known_hosts names this host: {@code address}, or {@code [address]:port} off port 22. */
    public String knownHostsName() {
        return port == 22 ? address : "[" + address + "]:" + port;
    }

    @Override
    public String toString() {
        return name + " (" + address + ":" + port + ")";
    }
}
