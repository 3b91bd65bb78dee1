package io.inception.inova.provision;

import io.inception.inova.cloud.CloudServer;
import io.inception.inova.cloud.ServerStatus;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

/**
 * Whether a server of a role is healthy: ACTIVE, and when the role names a {@code health-port},
 * accepting TCP connections on it. Returns the problem, empty when healthy.
 */
@FunctionalInterface
public interface HealthCheck {
    Optional<String> problem(Slot slot, CloudServer server);

    /** ACTIVE, plus a TCP connect to the role's health port when it has one (3 s timeout). */
    HealthCheck STANDARD = (slot, server) -> {
        if (server.status() != ServerStatus.ACTIVE) return Optional.of("status " + server.status());
        if (slot.role().healthPort().isEmpty()) return Optional.empty();
        int port = slot.role().healthPort().get();
        if (server.address().isEmpty()) return Optional.of("no address to check port " + port + " on");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.address(), port), 3000);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("port " + server.address() + ":" + port + " not accepting connections: " + e.getMessage());
        }
    };
}
