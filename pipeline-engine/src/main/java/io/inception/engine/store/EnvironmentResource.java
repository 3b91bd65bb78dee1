package io.inception.engine.store;

import java.time.Instant;
import java.util.Map;

/**
 * Something made for an environment by a module, kept with the environment: for the iNova
 * provisioner a control VM ({@code kind} {@code server}) with its address, an added cell, a role
 * count. The engine does not interpret it.
 *
 * @param environment the environment's name
 * @param kind        what it is, e.g. {@code server}
 * @param name        unique per environment and kind
 * @param role        the role it plays (may be empty)
 * @param cell        the cell it belongs to (may be empty)
 * @param address     where it is reached (may be empty)
 * @param attributes  more, as strings
 * @param updatedAt   when it was last written (set by the store)
 */
public record EnvironmentResource(String environment, String kind, String name, String role, String cell,
                                  String address, Map<String, String> attributes, Instant updatedAt) {
    public EnvironmentResource {
        attributes = Map.copyOf(attributes);
    }

    /** A resource to write (the store sets the time). */
    public static EnvironmentResource of(String environment, String kind, String name, String role, String cell,
                                         String address, Map<String, String> attributes) {
        return new EnvironmentResource(environment, kind, name, role, cell, address, attributes, null);
    }
}
