package io.inception.engine.rollout;

import io.inception.engine.fleet.HostTarget;

import java.time.Instant;

/**
 * The stored state of one host in one rollout.
 *
 * @param host            the host
 * @param wave            its wave (0-based)
 * @param position        its place in the plan
 * @param phase           where it is
 * @param previousVersion the version it had before this rollout touched it (null until read)
 * @param message         the last failure or note, or empty
 * @param startedAt       when work on it began (null while pending)
 * @param updatedAt       the last transition
 */
public record HostRecord(HostTarget host, int wave, int position, HostPhase phase, String previousVersion,
                         String message, Instant startedAt, Instant updatedAt) {
    public HostRecord withPhase(HostPhase p, String msg, Instant at) {
        return new HostRecord(host, wave, position, p, previousVersion, msg, startedAt == null ? at : startedAt, at);
    }

    public HostRecord withPreviousVersion(String v) {
        return new HostRecord(host, wave, position, phase, v, message, startedAt, updatedAt);
    }
}
