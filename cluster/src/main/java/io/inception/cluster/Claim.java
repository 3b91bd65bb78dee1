package io.inception.cluster;

import java.time.Instant;
import java.util.Optional;

/**
 * A queued item as the shared table has it.
 *
 * @param kind          its work kind
 * @param zone          its zone, or empty
 * @param id            its id
 * @param due           when it is (or was) due
 * @param claimedBy     the node executing it now, or empty while it waits
 * @param lastHeartbeat the claiming node's last heartbeat, or null
 */
public record Claim(String kind, Optional<String> zone, String id, Instant due, Optional<String> claimedBy,
                    Instant lastHeartbeat) {
}
