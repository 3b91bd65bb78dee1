package io.inception.engine.scheduler;

import java.time.Instant;

/**
 * What a trigger remembers across restarts.
 *
 * @param lastSha     trunk triggers: the last head SHA seen (and fired for, or taken as baseline); else null
 * @param lastFiredAt cron triggers: the scheduled time of the last fire; trunk triggers: when it last fired;
 *                    null if never
 */
public record TriggerState(String lastSha, Instant lastFiredAt) {
    public static final TriggerState EMPTY = new TriggerState(null, null);

    public TriggerState withLastSha(String sha) {
        return new TriggerState(sha, lastFiredAt);
    }

    public TriggerState withLastFiredAt(Instant at) {
        return new TriggerState(lastSha, at);
    }
}
