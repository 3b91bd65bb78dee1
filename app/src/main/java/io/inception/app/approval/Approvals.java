package io.inception.app.approval;

import io.inception.app.access.Actor;
import io.inception.app.access.AuditTrail;
import io.inception.app.access.Permission;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.StageRun;
import io.inception.engine.store.Store;

import java.util.Optional;

/**
 * Decisions on the {@code approval} stages of runs. Only a role that may promote (release manager)
 * decides; every attempt, allowed or not, is in the audit log, and the allowed decision is what the waiting
 * stage reads.
 */
public final class Approvals {
    static final String DECIDE = "stage.approval";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    /** How a decision went. */
    public sealed interface Outcome {
        String message();

        record Decided(String message) implements Outcome { }

        record Denied(String message) implements Outcome { }

        record Refused(String message) implements Outcome { }
    }

    private final Store store;
    private final AuditTrail audit;

    public Approvals(Store store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    static String target(String runId, String stage) {
        return runId + "/" + stage;
    }

    /** Approves ({@code approve} true) or rejects the waiting approval stage {@code stage} of {@code runId}. */
    public Outcome decide(Actor actor, String runId, String stage, boolean approve, String comment) {
        String target = target(runId, stage);
        if (!actor.may(Permission.PROMOTE)) {
            audit.record(actor, DECIDE, target, AuditTrail.DENIED, "role " + actor.role().label() + " may not approve");
            return new Outcome.Denied(actor.name() + " (" + actor.role().label() + ") may not approve runs: a release"
                    + " manager does");
        }
        Optional<StageRun> waiting = store.stages().list(runId).stream().filter(s -> s.name().equals(stage)).findFirst();
        if (waiting.isEmpty()) return new Outcome.Refused("run " + runId + " has no stage " + stage + " that has started");
        if (!waiting.get().type().equals(ApprovalStageType.APPROVAL.name())) {
            return new Outcome.Refused("stage " + stage + " of run " + runId + " is a " + waiting.get().type()
                    + " stage, not an approval");
        }
        ExecutionStatus status = waiting.get().status();
        if (status != ExecutionStatus.RUNNING && status != ExecutionStatus.WAITING) {
            return new Outcome.Refused("stage " + stage + " of run " + runId + " is " + status + ", not waiting for approval");
        }
        audit.record(actor, DECIDE, target, approve ? APPROVED : REJECTED, comment == null ? "" : comment);
        return new Outcome.Decided((approve ? "approved " : "rejected ") + target + " as " + actor.name());
    }
}
