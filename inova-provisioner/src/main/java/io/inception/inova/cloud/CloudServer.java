package io.inception.inova.cloud;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A server as the cloud reports it.
 *
 * @param id        server UUID
 * @param name      server name
 * @param status    Nova's status
 * @param deleting  true when a delete is under way (task_state deleting)
 * @param metadata  the server's metadata
 * @param address   the first IPv4 address (any network, else accessIPv4), or empty
 * @param created   when it was created
 * @param fault     the fault message of a server in ERROR, or empty
 */
public record CloudServer(String id, String name, ServerStatus status, boolean deleting, Map<String, String> metadata,
                          String address, Instant created, Optional<String> fault) {
    public CloudServer {
        metadata = Map.copyOf(metadata);
    }

    /** A metadata value. */
    public Optional<String> meta(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    /** Gone or going: not counted as a member of its role any more. */
    public boolean goingAway() {
        return deleting || status == ServerStatus.DELETED || status == ServerStatus.SOFT_DELETED;
    }
}
