package io.inception.sandbox.ssh;

/**
 * Where a simulated host listens and the key it presents.
 *
 * @param name    host name, e.g. {@code c1-001}
 * @param cell    compute cell
 * @param address loopback address, e.g. {@code 127.0.1.7}
 * @param port    SSH port
 * @param hostKey public host key in OpenSSH form ({@code ecdsa-sha2-nistp256 AAAA...})
 */
public record HostEndpoint(String name, String cell, String address, int port, String hostKey) {
    /** The line a known_hosts file holds for this host ({@code [addr]:port key} when the port is not 22). */
    public String knownHostsLine() {
        String target = port == 22 ? address : "[" + address + "]:" + port;
        return target + " " + hostKey;
    }
}
