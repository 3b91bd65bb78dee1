package io.inception.engine.fleet;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the fleet logs in.
 *
 * @param user           SSH user
 * @param key            private key
 * @param knownHosts     the known_hosts file Inception manages for the environment
 * @param connectTimeout how long a TCP connect + SSH handshake may take
 */
public record FleetSettings(String user, SshKey key, Path knownHosts, Duration connectTimeout) {
    public static FleetSettings of(String user, SshKey key, Path knownHosts) {
        return new FleetSettings(user, key, knownHosts, Duration.ofSeconds(10));
    }

    public FleetSettings withConnectTimeout(Duration timeout) {
        return new FleetSettings(user, key, knownHosts, timeout);
    }
}
