package io.inception.inova.cloud;

import java.util.Map;
import java.util.Optional;

/**
 * A server to boot. iNova has no Neutron: servers are booted with {@code networks: "none"}.
 *
 * @param name          server name
 * @param flavorId      flavor id
 * @param imageId       image id
 * @param metadata      metadata set at boot
 * @param serverGroupId the anti-affinity group (scheduler hint), if any
 * @param keyName       the key pair, if any
 */
public record ServerRequest(String name, String flavorId, String imageId, Map<String, String> metadata,
                            Optional<String> serverGroupId, Optional<String> keyName) {
    public ServerRequest {
        metadata = Map.copyOf(metadata);
    }
}
