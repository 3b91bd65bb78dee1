package io.inception.app.approval;

import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;
import io.inception.engine.store.AuditEntry;
import io.inception.engine.store.AuditLog;

import java.time.Duration;
import java.util.Optional;

/**
 * A manual gate inside a pipeline (type {@code approval}): the run waits here until a release manager
 * approves it ({@code inception runs approve <run> <stage>}, or the API) — or rejects it, which fails the
 * stage. The decision is an entry of the audit log ({@link Approvals}), which the stage polls: it survives
 * restarts, and who decided and when is on record.
 */
public final class ApprovalStage implements Stage {
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final String ASKED = "asked";

    private final AuditLog audit;

    public ApprovalStage(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public String type() {
        return ApprovalStageType.APPROVAL.name();
    }

    @Override
    public StageResult execute(StageContext context) {
        String target = Approvals.target(context.runId(), context.stage().name());
        Optional<AuditEntry> decision = audit.latest(Approvals.DECIDE, target, java.util.List.of(Approvals.APPROVED,
                Approvals.REJECTED));
        if (decision.isPresent()) {
            AuditEntry d = decision.get();
            String why = d.detail().isEmpty() ? "" : ": " + d.detail();
            if (d.outcome().equals(Approvals.APPROVED)) {
                return StageResult.succeeded("approved by " + d.actor() + " at " + d.at() + why);
            }
            return StageResult.Failed.permanent("rejected by " + d.actor() + " at " + d.at() + why);
        }
        String question = context.params().optionalString("message").orElse("approve run " + context.runId());
        if (context.checkpoints().get(ASKED).isEmpty()) {
            context.checkpoints().put(ASKED, "yes");
            context.log().info("waiting for a release manager: " + question + " — inception runs approve "
                    + context.runId() + " " + context.stage().name() + " (or --reject)");
        }
        return StageResult.waiting(POLL, "waiting for approval: " + question);
    }
}
