package io.inception.engine.scheduler;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One firing of a trigger, handed to {@link TriggerListener#fire}.
 *
 * @param triggerName the trigger's name
 * @param reason      schedule or trunk moved
 * @param sha         the new trunk head for {@link TriggerReason#TRUNK_MOVED}; null for a schedule
 * @param firedAt     the scheduler's clock when it fired
 * @param detail      one line for logs and the UI, e.g. "trunk master moved 1a2b3c4 -> 5d6e7f8"
 *                    (never contains credentials)
 */
public record TriggerEvent(String triggerName, TriggerReason reason, String sha, Instant firedAt, String detail) {
    public TriggerEvent {
        Objects.requireNonNull(triggerName, "triggerName");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(firedAt, "firedAt");
        detail = detail == null ? "" : detail;
    }

    /** The SHA, when the event carries one. */
    public Optional<String> shaIfKnown() {
        return Optional.ofNullable(sha);
    }
}
