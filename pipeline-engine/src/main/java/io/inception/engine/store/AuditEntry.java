package io.inception.engine.store;

import java.time.Instant;

/**
 * One change of state, or one refused attempt at one.
 *
 * @param id      sequence number (0 before it is stored)
 * @param at      when
 * @param actor   who (a user name, or {@code system} / a trigger for automatic changes)
 * @param action  what, e.g. {@code promote}, {@code users.add}, {@code login}
 * @param target  what it acted on, e.g. {@code b-20261127-0001 -> staging}
 * @param outcome {@code ALLOWED}, {@code DENIED} or {@code FAILED}
 * @param detail  why, in words (never a secret)
 * @param source  from where: a remote address, or {@code cli}
 */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String outcome,
                         String detail, String source) {
    public AuditEntry {
        detail = detail == null ? "" : detail;
        target = target == null ? "" : target;
    }
}
