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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Promotes builds to an environment (staging): the gate must be open (QE passed), the actor must be a release
 * manager; the environment's apt suite is repointed at the build's snapshot (nothing rebuilt), the build's
 * Puppet commit is recorded, and {@link StagingDeploy} deploys and checks the environment. When the deploy fails
 * the suite goes back to the previous build and the promotion says why. Every attempt is audited.
 * One promotion per environment runs at a time.
 * <p>
 * The checks, the approval and the RUNNING record happen in the caller; the deploy runs on the
 * {@link PromotionRunner}: inline (the outcome is final) or on a worker (the outcome is
 * {@link PromotionOutcome.Started} and the stored promotion tells how it goes). A promotion whose process died is
 * not resumed: {@link #interruptAbandoned} marks it FAILED, saying so.
 */
public final class PromotionService {
    /** A RUNNING promotion without a heartbeat for this long is abandoned (4 missed heartbeats). */
    public static final Duration ABANDONED_AFTER = PromotionWorker.HEARTBEAT.multipliedBy(4);

    private final Store store;
    private final PromotionGate gate;
    private final SuitePointers suites;
    private final StagingDeploy deploy;
    private final AuditTrail audit;
    private final Clock clock;
    private final Supplier<String> ids;
    private final PromotionRunner runner;
    private final PromotionProgress progress = new PromotionProgress();

    /** Deploys inline: {@link #promote}, {@link #approve} and {@link #rollback} return the final outcome. */
    public PromotionService(Store store, PromotionGate gate, SuitePointers suites, StagingDeploy deploy,
                            AuditTrail audit, Clock clock, Supplier<String> ids) {
        this(store, gate, suites, deploy, audit, clock, ids, PromotionWorker.inline(store.promotions(), clock));
    }

    /** Deploys on {@code runner}. */
    public PromotionService(Store store, PromotionGate gate, SuitePointers suites, StagingDeploy deploy,
                            AuditTrail audit, Clock clock, Supplier<String> ids, PromotionRunner runner) {
        this.runner = runner;
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
        Promotion running;
        synchronized (lockFor(env)) {
            if (running(env).isPresent()) return busy(actor, "promote", env);
            String previous;
            try {
                previous = suites.current(env).orElse(null);
            } catch (IOException e) {
                return fail(actor, pending, "cannot read suite " + env + ": " + e.getMessage());
            }
            String puppet = puppetCommit(pending.buildId());
            running = pending.approved(actor.name(), previous, "builds/" + pending.buildId(), puppet, clock.instant());
            // the environment's slot in the shared store: one deploying promotion per environment on every node
            if (!promotions().start(running)) return busy(actor, "promote", env);
            String action = undone == null ? "promote" : "promote.rollback";
            audit.record(actor, action, pending.buildId() + " -> " + env, AuditTrail.ALLOWED,
                    running.id() + (undone == null ? "" : ", undoing " + undone.id()) + ", puppet @ "
                            + (puppet == null ? "-" : puppet));
        }
        try {
            runner.start(running.id(), () -> carryOut(actor, running));
        } catch (IllegalStateException e) {
            return fail(actor, running, e.getMessage()); // the worker is closed: nothing was changed
        }
        return outcome(promotions().find(running.id()).orElse(running));
    }

    /** The deploy of an approved (RUNNING) promotion, to its end: SUCCEEDED, or FAILED with the suite put back. */
    private void carryOut(Actor actor, Promotion running) {
        String env = running.environment();
        String previous = running.previousBuild();
        try {
            String snapshot;
            try {
                snapshot = suites.point(env, running.buildId());
            } catch (IOException e) {
                fail(actor, running, "cannot point suite " + env + " at " + running.buildId() + ": " + e.getMessage());
                return;
            }
            StagingDeploy.Outcome outcome = deploy.deploy(new StagingDeploy.Request(env, running.buildId(), snapshot,
                    running.puppetCommit(), running.id(), previous), line -> step(running, line));
            if (outcome instanceof StagingDeploy.Outcome.Failed f) {
                fail(actor, running, restore(env, previous, f.reason()));
                return;
            }
            String summary = ((StagingDeploy.Outcome.Deployed) outcome).summary();
            promotions().save(running.with(PromotionStatus.SUCCEEDED, env + " runs " + running.buildId() + ": "
                    + summary, clock.instant()));
        } catch (RuntimeException e) {
            // a bug below must still end the promotion, not leave it RUNNING
            fail(actor, running, restore(env, previous, "the deploy broke off: " + e));
        }
    }

    /** One step of a running deploy: kept for the page, and as the stored promotion's message. */
    private void step(Promotion running, String line) {
        promotions().save(running.with(PromotionStatus.RUNNING, line, clock.instant()));
        progress.add(running.id(), line);
    }

    /** How {@code p} stands, as an outcome: final once it SUCCEEDED or FAILED, else {@link PromotionOutcome.Started}. */
    public static PromotionOutcome outcome(Promotion p) {
        return switch (p.status()) {
            case SUCCEEDED -> new PromotionOutcome.Promoted(p, "promoted " + p.buildId() + " to " + p.environment()
                    + " (" + p.id() + "): " + p.message());
            case FAILED -> new PromotionOutcome.Failed(p, "promotion " + p.id() + " failed: " + p.message());
            default -> new PromotionOutcome.Started(p, "promotion " + p.id() + " of " + p.buildId() + " to "
                    + p.environment() + " started: follow it at /promotions/" + p.id());
        };
    }

    /** The steps promotion {@code id} went through so far, as far as this process carried it out. */
    public List<String> progress(String promotionId) {
        return progress.of(promotionId);
    }

    /**
     * Ends the RUNNING promotions nobody carries out any more: not this process's, and no heartbeat for
     * {@link #ABANDONED_AFTER} (their server or CLI stopped). Each becomes FAILED with a message starting
     * {@code interrupted:}, its environment's suite goes back to the previous build, and it is audited. They are
     * not resumed: a deploy cut off between Puppet, rollout and smoke has no checkpoint to go on from, and
     * re-deploying on its own, perhaps hours later, is a release manager's call (promote again, or roll back).
     *
     * @return the promotions it ended
     */
    public List<Promotion> interruptAbandoned() {
        Instant now = clock.instant();
        Set<String> mine = runner.active();
        List<Promotion> ended = new ArrayList<>();
        for (Promotion p : promotions().list(1000)) {
            if (p.status() != PromotionStatus.RUNNING || mine.contains(p.id())
                    || p.updatedAt().isAfter(now.minus(ABANDONED_AFTER))) {
                continue;
            }
            String why = "interrupted: the process carrying it out stopped (no heartbeat since " + p.updatedAt()
                    + ", last step: " + (p.message().isEmpty() ? "-" : p.message()) + "); nothing resumes a promotion. "
                    + putBack(p) + ". Hosts of " + p.environment() + " may be part-way: look at `inception rollout"
                    + " list`, then promote again or `inception promote --rollback " + p.environment() + "`";
            Promotion failed = p.with(PromotionStatus.FAILED, why, now);
            promotions().save(failed);
            audit.record("inception", "server", "promote", p.buildId() + " -> " + p.environment(), AuditTrail.FAILED,
                    p.id() + ": " + why);
            ended.add(failed);
        }
        return ended;
    }

    private String putBack(Promotion p) {
        if (p.previousBuild() == null) {
            return p.environment() + " had no build before (suite " + p.environment() + " may still name "
                    + p.snapshot() + ")";
        }
        try {
            suites.point(p.environment(), p.previousBuild());
            return "suite " + p.environment() + " is back on " + p.previousBuild();
        } catch (IOException e) {
            return "suite " + p.environment() + " could not be put back on " + p.previousBuild() + ": " + e.getMessage();
        }
    }

    /** Takes no more promotions; deploys under way finish. */
    public void close() {
        runner.close();
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
        progress.add(p.id(), "failed: " + why);
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
        Optional<Promotion> r = running(environment)
                .or(() -> promotions().holder(environment).flatMap(id -> promotions().find(id)));
        String why = r.map(p -> "promotion " + p.id() + " of " + p.buildId() + " to " + environment + " is still running")
                .orElse("another promotion to " + environment + " is starting");
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
