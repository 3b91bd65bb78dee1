package io.inception.app.labs;

import io.inception.app.access.Actor;
import io.inception.app.access.AuditTrail;
import io.inception.app.access.Permission;
import io.inception.xen.lab.Lab;
import io.inception.xen.lab.LabOutcome;
import io.inception.xen.lab.LabRequest;
import io.inception.xen.lab.LabService;

import java.time.Duration;
import java.util.Optional;

/**
 * Labs for signed-in users: anyone with {@link Permission#REQUEST_LAB} creates labs in their own name; a lab
 * is extended or deleted by its owner or an admin. Every change, and every refusal, is audited. Creating
 * and deleting return once the request is accepted: the work is queued (see {@link LabWorks}).
 */
public final class LabDesk {
    private final LabService labs;
    private final AuditTrail audit;

    public LabDesk(LabService labs, AuditTrail audit) {
        this.labs = labs;
        this.audit = audit;
    }

    /** What a lab request came to. */
    public sealed interface Outcome {
        String message();

        record Done(Lab lab, String message) implements Outcome { }

        record Denied(String message) implements Outcome { }

        record Refused(String message) implements Outcome { }
    }

    public Outcome create(Actor actor, String template, String name, Duration ttl) {
        if (!actor.may(Permission.REQUEST_LAB)) return deny(actor, "lab.create", template);
        LabOutcome o = labs.request(new LabRequest(actor.name(), template, name, ttl));
        if (o instanceof LabOutcome.Accepted a) {
            audit.record(actor, "lab.create", a.lab().id(), AuditTrail.ALLOWED, "template " + template);
            return new Outcome.Done(a.lab(), "lab " + a.lab().id() + " is being built on pool " + a.lab().pool()
                    + "; lease until " + a.lab().lease().expiresAt());
        }
        if (o instanceof LabOutcome.Created c) {
            audit.record(actor, "lab.create", c.lab().id(), AuditTrail.ALLOWED, "template " + template);
            return new Outcome.Done(c.lab(), "lab " + c.lab().id() + " is ready until " + c.lab().lease().expiresAt());
        }
        String why = o instanceof LabOutcome.Refused r ? r.reason() : o instanceof LabOutcome.Failed f ? f.reason()
                : ((LabOutcome.Interrupted) o).reason();
        audit.record(actor, "lab.create", template, AuditTrail.FAILED, why);
        return new Outcome.Refused(why);
    }

    public Outcome extend(Actor actor, String id, Duration by) {
        return owned(actor, "lab.extend", id).orElseGet(() -> {
            try {
                Lab lab = labs.extend(id, by);
                audit.record(actor, "lab.extend", id, AuditTrail.ALLOWED, "by " + by);
                return new Outcome.Done(lab, "lab " + id + " now expires at " + lab.lease().expiresAt());
            } catch (IllegalArgumentException e) {
                return new Outcome.Refused(e.getMessage());
            }
        });
    }

    public Outcome delete(Actor actor, String id) {
        return owned(actor, "lab.delete", id).orElseGet(() -> {
            Lab lab = labs.requestDelete(id);
            audit.record(actor, "lab.delete", id, AuditTrail.ALLOWED, "");
            return new Outcome.Done(lab, "lab " + id + " is " + lab.state());
        });
    }

    /** Empty when {@code actor} may change lab {@code id}; otherwise why not. */
    private Optional<Outcome> owned(Actor actor, String action, String id) {
        Optional<Lab> lab = labs.show(id);
        if (lab.isEmpty()) return Optional.of(new Outcome.Refused("there is no lab " + id));
        if (!lab.get().owner().equals(actor.name()) && !actor.may(Permission.MANAGE_ENVIRONMENTS)) {
            audit.record(actor, action, id, AuditTrail.DENIED, "lab " + id + " belongs to " + lab.get().owner());
            return Optional.of(new Outcome.Denied("lab " + id + " belongs to " + lab.get().owner()
                    + "; only its owner or an admin may change it"));
        }
        return Optional.empty();
    }

    private Outcome deny(Actor actor, String action, String target) {
        audit.record(actor, action, target, AuditTrail.DENIED, "role " + actor.role().label() + " may not request labs");
        return new Outcome.Denied("role " + actor.role().label() + " may not request labs");
    }
}
