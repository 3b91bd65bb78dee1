package io.inception.engine.store;

import java.time.Duration;
import java.time.Instant;

/**
 * The lock row that keeps two runs of one pipeline on one target from overlapping.
 *
 * @param pipeline    pipeline name
 * @param target      target name
 * @param runId       the run holding the lock
 * @param owner       the executor instance holding it (unique per process start)
 * @param ownerPid    that process's pid
 * @param ownerHost   that process's host
 * @param acquiredAt  when it was taken
 * @param heartbeatAt the holder's last heartbeat
 */
public record RunLock(String pipeline, String target, String runId, String owner, long ownerPid, String ownerHost,
                      Instant acquiredAt, Instant heartbeatAt) {

    /** How long ago the last heartbeat was, at {@code now}. */
    public Duration heartbeatAge(Instant now) {
        Duration age = Duration.between(heartbeatAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** For messages: "run r-1 (pid 123 on host-a, heartbeat 4 s ago)". */
    public String describe(Instant now) {
        return "run " + runId + " (pid " + ownerPid + " on " + ownerHost + ", heartbeat "
                + heartbeatAge(now).toSeconds() + " s ago)";
    }
}
