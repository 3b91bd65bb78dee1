package io.inception.app.promotion;

import io.inception.app.access.Actor;
import io.inception.app.access.AuditTrail;
import io.inception.app.access.Permission;
import io.inception.app.release.ReleaseManifests;
import io.inception.engine.store.Promotion;
import io.inception.engine.store.PromotionStatus;
import io.inception.engine.store.Store;
import io.inception.engine.store.StoredPromotions;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Promotes builds to an environment (staging): the gate must be open (QE passed), the actor must be a release
 * manager; the environment's apt suite is repointed at the build's snapshot (nothing rebuilt), the build's
 * Puppet commit is recorded, and {@link StagingDeploy} deploys and checks the environment. When the deploy fails
 * the suite goes back to the previous build and the promotion says why. Every attempt is audited.
 * One promotion per environment runs at a time.
 */
public final class PromotionService {
    private final Store store;
    private final PromotionGate gate;
    private final SuitePointers suites;
    private final StagingDeploy deploy;
    private final AuditTrail audit;
    private final Clock clock;
    private final Supplier<String> ids;

    public PromotionService(Store store, PromotionGate gate, SuitePointers suites, StagingDeploy deploy,
                            AuditTrail audit, Clock clock, Supplier<String> ids) {
        this.store = store;
        this.gate = gate;
        this.suites = suites;
        this.deploy = deploy;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    private StoredPromotions promotions() {
        return store.promotions();
    }

    /** Promotes now: a release manager's request is its own approval. */
    public PromotionOutcome promote(Actor actor, String buildId, String environment) {
        String target = buildId + " -> " + environment;
        if (!actor.may(Permission.PROMOTE)) return deny(actor, "promote", target);
        Optional<PromotionOutcome> refused = refusal(actor, "promote", buildId, environment);
        if (refused.isPresent()) return refused.get();
        Instant now = clock.instant();
        Promotion p = new Promotion(ids.get(), buildId, environment, PromotionStatus.PENDING, actor.name(), null, null,
                null, null, null, "", now, now);
        return execute(actor, p, null);
    }

    /** Asks for a promotion that a release manager approves later (developers may ask). */
    public PromotionOutcome request(Actor actor, String buildId, String environment) {
        String target = buildId + " -> " + environment;
        if (!actor.may(Permission.REQUEST_PROMOTION)) return deny(actor, "promotion.request", target);
        Optional<PromotionOutcome> refused = refusal(actor, "promotion.request", buildId, environment);
        if (refused.isPresent()) return refused.get();
        Instant now = clock.instant();
        Promotion p = new Promotion(ids.get(), buildId, environment, PromotionStatus.PENDING, actor.name(), null, null,
                null, null, null, "waiting for a release manager", now, now);
        promotions().save(p);
        audit.record(actor, "promotion.request", target, AuditTrail.ALLOWED, p.id());
        return new PromotionOutcome.Requested(p, "promotion " + p.id() + " of " + target + " waits for approval");
    }

    /** Approves a pending promotion and carries it out. */
    public PromotionOutcome approve(Actor actor, String promotionId) {
        Optional<Promotion> found = promotions().find(promotionId);
        String target = found.map(p -> p.buildId() + " -> " + p.environment()).orElse(promotionId);
        if (!actor.may(Permission.PROMOTE)) return deny(actor, "promotion.approve", target);
        if (found.isEmpty()) return new PromotionOutcome.Refused("there is no promotion " + promotionId);
        Promotion p = found.get();
        if (p.status() != PromotionStatus.PENDING) {
            return new PromotionOutcome.Refused("promotion " + promotionId + " is " + p.status() + ", not pending");
        }
        Optional<PromotionOutcome> refused = refusal(actor, "promotion.approve", p.buildId(), p.environment());
        if (refused.isPresent()) return refused.get();
        return execute(actor, p, null);
    }

    /** Re-promotes the build {@code environment} ran before its current one (the previous good build). */
    public PromotionOutcome rollback(Actor actor, String environment) {
        if (!actor.may(Permission.PROMOTE)) return deny(actor, "promote.rollback", environment);
        Optional<Promotion> current = EnvironmentHistory.current(promotions(), environment);
        Optional<Promotion> previous = current.flatMap(c -> EnvironmentHistory.previousGood(promotions(), environment,
                c.buildId()));
        if (previous.isEmpty()) {
            String why = current.isEmpty() ? environment + " has no promoted build to roll back"
                    : environment + " has no earlier good build than " + current.get().buildId();
            audit.record(actor, "promote.rollback", environment, AuditTrail.FAILED, why);
            return new PromotionOutcome.Refused(why);
        }
        if (running(environment).isPresent()) return busy(actor, "promote.rollback", environment);
        Instant now = clock.instant();
        Promotion p = new Promotion(ids.get(), previous.get().buildId(), environment, PromotionStatus.PENDING,
                actor.name(), null, null, null, null, current.get().id(), "", now, now);
        return execute(actor, p, current.get());
    }

    private PromotionOutcome execute(Actor actor, Promotion pending, Promotion undone) {
        String env = pending.environment();
        synchronized (lockFor(env)) {
            if (running(env).isPresent()) return busy(actor, "promote", env);
            String previous;
            try {
                previous = suites.current(env).orElse(null);
            } catch (IOException e) {
                return fail(actor, pending, "cannot read suite " + env + ": " + e.getMessage());
            }
            String puppet = puppetCommit(pending.buildId());
            Promotion running = pending.approved(actor.name(), previous, "builds/" + pending.buildId(), puppet,
                    clock.instant());
            promotions().save(running);
            String action = undone == null ? "promote" : "promote.rollback";
            audit.record(actor, action, pending.buildId() + " -> " + env, AuditTrail.ALLOWED,
                    running.id() + (undone == null ? "" : ", undoing " + undone.id()) + ", puppet @ "
                            + (puppet == null ? "-" : puppet));
            String snapshot;
            try {
                snapshot = suites.point(env, pending.buildId());
            } catch (IOException e) {
                return fail(actor, running, "cannot point suite " + env + " at " + pending.buildId() + ": "
                        + e.getMessage());
            }
            StagingDeploy.Outcome outcome = deploy.deploy(new StagingDeploy.Request(env, pending.buildId(), snapshot,
                    puppet, running.id(), previous));
            if (outcome instanceof StagingDeploy.Outcome.Failed f) {
                return fail(actor, running, restore(env, previous, f.reason()));
            }
            String summary = ((StagingDeploy.Outcome.Deployed) outcome).summary();
            Promotion done = running.with(PromotionStatus.SUCCEEDED, env + " runs " + pending.buildId() + ": " + summary,
                    clock.instant());
            promotions().save(done);
            return new PromotionOutcome.Promoted(done, "promoted " + done.buildId() + " to " + env + " (" + done.id()
                    + "): " + done.message());
        }
    }

    /** Puts the suite back on the previous build after a failed deploy; says what happened. */
    private String restore(String env, String previous, String reason) {
        if (previous == null) {
            return "deploy failed: " + reason + "; " + env + " had no build before (suite " + env
                    + " still names the failed snapshot, nothing was running from it)";
        }
        try {
            suites.point(env, previous);
            return "deploy failed: " + reason + "; " + env + " stays on " + previous;
        } catch (IOException e) {
            return "deploy failed: " + reason + "; and suite " + env + " could not be put back on " + previous
                    + ": " + e.getMessage();
        }
    }

    private PromotionOutcome fail(Actor actor, Promotion p, String why) {
        Promotion failed = p.with(PromotionStatus.FAILED, why, clock.instant());
        promotions().save(failed);
        audit.record(actor, "promote", p.buildId() + " -> " + p.environment(), AuditTrail.FAILED,
                p.id() + ": " + why);
        return new PromotionOutcome.Failed(failed, "promotion " + p.id() + " failed: " + why);
    }

    private Optional<PromotionOutcome> refusal(Actor actor, String action, String buildId, String environment) {
        PromotionGate.Verdict verdict = gate.check(buildId, environment);
        String target = buildId + " -> " + environment;
        if (verdict instanceof PromotionGate.Verdict.Closed c) {
            audit.record(actor, action, target, AuditTrail.FAILED, c.why());
            return Optional.of(new PromotionOutcome.Refused("cannot promote " + buildId + " to " + environment + ": "
                    + c.why()));
        }
        if (running(environment).isPresent()) return Optional.of(busy(actor, action, environment));
        return Optional.empty();
    }

    private PromotionOutcome deny(Actor actor, String action, String target) {
        String why = "role " + actor.role().label() + " may not promote; ask a release manager";
        audit.record(actor, action, target, AuditTrail.DENIED, why);
        return new PromotionOutcome.Denied(actor.name() + ": " + why);
    }

    private PromotionOutcome busy(Actor actor, String action, String environment) {
        Promotion r = running(environment).orElseThrow();
        String why = "promotion " + r.id() + " of " + r.buildId() + " to " + environment + " is still running";
        audit.record(actor, action, environment, AuditTrail.FAILED, why);
        return new PromotionOutcome.Refused(why);
    }

    private Optional<Promotion> running(String environment) {
        return promotions().toEnvironment(environment).stream()
                .filter(p -> p.status() == PromotionStatus.RUNNING).findFirst();
    }

    private String puppetCommit(String buildId) {
        return store.builds().factJson(buildId, ReleaseManifests.PUPPET_FACT)
                .map(ReleaseManifests::puppetCommit).orElse(null);
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Object> LOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Object lockFor(String environment) {
        return LOCKS.computeIfAbsent(environment, e -> new Object());
    }
}
