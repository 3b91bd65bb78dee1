package io.inception.app.access;

import io.inception.engine.store.AuditEntry;
import io.inception.engine.store.AuditLog;

import java.time.Clock;

/** Writes audit entries for actors: every change of state, and every refused attempt at one. */
public final class AuditTrail {
    public static final String ALLOWED = "ALLOWED";
    public static final String DENIED = "DENIED";
    public static final String FAILED = "FAILED";

    private final AuditLog log;
    private final Clock clock;

    public AuditTrail(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public AuditEntry record(Actor actor, String action, String target, String outcome, String detail) {
        return log.append(new AuditEntry(0, clock.instant(), actor.name(), action, target, outcome, detail,
                actor.source()));
    }

    /** For changes nobody signed in made (e.g. an anonymous login attempt). */
    public AuditEntry record(String who, String source, String action, String target, String outcome, String detail) {
        return log.append(new AuditEntry(0, clock.instant(), who, action, target, outcome, detail, source));
    }
}
