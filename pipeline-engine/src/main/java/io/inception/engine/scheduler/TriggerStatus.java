package io.inception.engine.scheduler;

import java.time.Instant;

/**
 * What a trigger is doing, for the UI and {@code inception server} logs.
 *
 * @param name          trigger name
 * @param lastCheckedAt last time the scheduler evaluated it (poll or schedule check), or null
 * @param lastSha       last trunk SHA seen (trunk triggers), or null
 * @param lastFiredAt   last fire (see {@link TriggerState#lastFiredAt()}), or null
 * @param nextDueAt     next scheduled time or next poll, or null when unknown
 * @param lastError     the last polling error with credentials masked, or null after a successful poll
 */
public record TriggerStatus(String name, Instant lastCheckedAt, String lastSha, Instant lastFiredAt,
                            Instant nextDueAt, String lastError) {
}
