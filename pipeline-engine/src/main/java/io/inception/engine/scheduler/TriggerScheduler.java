package io.inception.engine.scheduler;

import io.inception.engine.secret.UrlRedaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates cron and trunk-moved triggers and calls a {@link TriggerListener} when one fires.
 *
 * <p>All decisions happen in {@link #tick(Instant)}, which tests call with chosen instants;
 * {@link #start(ScheduledExecutorService, Duration)} calls it periodically with the injected clock.
 *
 * <ul>
 *   <li><b>Cron</b>: fires when at least one scheduled time lies in {@code (previous tick, now]}, at
 *       most once per tick: several missed times (a long GC pause, a slow poll, downtime) collapse into
 *       one fire for the latest of them. On the first tick after a start, the previous tick is the
 *       stored {@link TriggerState#lastFiredAt()} — so a schedule missed while the server was down fires
 *       once on start — or, for a trigger that never fired, now (nothing in the past fires).</li>
 *   <li><b>Trunk moved</b>: polled on the first tick and then whenever its interval has elapsed; fires
 *       when the branch head differs from the last SHA in the {@link TriggerStateStore}. The first SHA
 *       ever seen is stored as the baseline without firing (nothing is known to have moved). The SHA is
 *       stored only after the listener returned, so delivery is at-least-once. With {@code paths:}
 *       ({@link TrunkMovedTrigger#paths()}) the commits of the move, {@code (last SHA, new head]}, are
 *       fetched into a bare cache ({@link CommitRanges}) and it fires only when one of them changes a
 *       counted path; otherwise the new head is stored as seen (the next move is looked at from there)
 *       and one line says why it did not fire. When the last SHA is no longer in the branch's history
 *       (a rewritten branch) what changed cannot be told, and it fires.</li>
 *   <li>Errors (unreachable repository, missing branch, a failing listener) are logged with credentials
 *       masked, shown in {@link #status()}, and never stop the scheduler.</li>
 * </ul>
 * Thread-safe: ticks are serialized. Schedulers of several processes may share one store (the nodes of
 * a cluster): each fire is decided and recorded under {@link TriggerStateStore#locked}, so one trunk move
 * or one scheduled time fires once in all of them.
 */
public final class TriggerScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(TriggerScheduler.class);
    /** The default period of {@link #start(ScheduledExecutorService)}; cron has minute resolution. */
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(10);

    private final List<TriggerDefinition> triggers;
    private final TriggerListener listener;
    private final TriggerStateStore store;
    private final BranchHeads heads;
    private final CommitRanges ranges;
    private final Clock clock;
    private final Map<String, CronSchedule> schedules = new LinkedHashMap<>();
    private final Map<String, Progress> progress = new LinkedHashMap<>();

    /**
     * @param triggers the triggers, with unique names
     * @param listener called for every fire
     * @param store    remembers last SHAs and fires across restarts
     * @param heads    reads trunk heads ({@link LsRemoteBranchHeads} in production)
     * @param clock    the clock {@link #start} ticks with
     */
    public TriggerScheduler(List<? extends TriggerDefinition> triggers, TriggerListener listener,
                            TriggerStateStore store, BranchHeads heads, Clock clock) {
        this(triggers, listener, store, heads, FetchedCommitRanges.inDefaultCache(), clock);
    }

    /**
     * @param ranges reads what a trunk move changed, for triggers with {@code paths:}
     *               ({@link FetchedCommitRanges} in production)
     * @see #TriggerScheduler(List, TriggerListener, TriggerStateStore, BranchHeads, Clock)
     */
    public TriggerScheduler(List<? extends TriggerDefinition> triggers, TriggerListener listener,
                            TriggerStateStore store, BranchHeads heads, CommitRanges ranges, Clock clock) {
        this.ranges = Objects.requireNonNull(ranges, "ranges");
        this.triggers = List.copyOf(triggers);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.store = Objects.requireNonNull(store, "store");
        this.heads = Objects.requireNonNull(heads, "heads");
        this.clock = Objects.requireNonNull(clock, "clock");
        Set<String> names = new HashSet<>();
        for (TriggerDefinition t : this.triggers) {
            if (!names.add(t.name())) throw new IllegalArgumentException("duplicate trigger name '" + t.name() + "'");
            if (t instanceof CronTrigger c) schedules.put(c.name(), CronSchedule.of(c));
            progress.put(t.name(), new Progress());
        }
    }

    /** A scheduler polling with JGit ls-remote and the system UTC clock. */
    public static TriggerScheduler of(List<? extends TriggerDefinition> triggers, TriggerListener listener,
                                      TriggerStateStore store) {
        return new TriggerScheduler(triggers, listener, store, new LsRemoteBranchHeads(), Clock.systemUTC());
    }

    /** Ticks every {@link #DEFAULT_TICK} on {@code executor}; cancel the returned future to stop. */
    public ScheduledFuture<?> start(ScheduledExecutorService executor) {
        return start(executor, DEFAULT_TICK);
    }

    /** Ticks now and then every {@code period} on {@code executor}; cancel the returned future to stop. */
    public ScheduledFuture<?> start(ScheduledExecutorService executor, Duration period) {
        LOG.info("trigger scheduler started: {} trigger(s), tick every {}", triggers.size(), period);
        return executor.scheduleWithFixedDelay(() -> {
            try {
                tick(clock.instant());
            } catch (RuntimeException e) {
                // A scheduled task that throws is never run again; the scheduler must outlive any bug.
                LOG.error("trigger tick failed: {}", UrlRedaction.redact(String.valueOf(e.getMessage())));
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Evaluates every trigger at {@code now} and fires the due ones.
     *
     * @return the events delivered in this tick (the listener returned), in trigger order
     */
    public synchronized List<TriggerEvent> tick(Instant now) {
        List<TriggerEvent> fired = new ArrayList<>();
        for (TriggerDefinition trigger : triggers) {
            MDC.put("trigger", trigger.name());
            try {
                if (trigger instanceof CronTrigger c) evaluateCron(c, now, fired);
                else if (trigger instanceof TrunkMovedTrigger t) evaluateTrunk(t, now, fired);
            } finally {
                MDC.remove("trigger");
            }
        }
        return fired;
    }

    /** The state of every trigger, in definition order. */
    public synchronized List<TriggerStatus> status() {
        List<TriggerStatus> out = new ArrayList<>();
        for (TriggerDefinition t : triggers) {
            Progress p = progress.get(t.name());
            TriggerState s = store.load(t.name()).orElse(TriggerState.EMPTY);
            out.add(new TriggerStatus(t.name(), p.lastCheckedAt, s.lastSha(), s.lastFiredAt(), p.nextDueAt, p.lastError));
        }
        return out;
    }

    private void evaluateCron(CronTrigger trigger, Instant now, List<TriggerEvent> fired) {
        Progress p = progress.get(trigger.name());
        CronSchedule schedule = schedules.get(trigger.name());
        TriggerState state = store.load(trigger.name()).orElse(TriggerState.EMPTY);
        Instant after = p.lastCheckedAt != null ? p.lastCheckedAt
                : state.lastFiredAt() != null ? state.lastFiredAt() : now;
        if (now.isBefore(after)) return; // the clock stepped back: wait until it passes the last check
        p.lastCheckedAt = now;
        schedule.dueBetween(after, now).ifPresent(due -> {
            String detail = "cron '" + trigger.cronExpression() + "' (" + trigger.timezone() + ") due at "
                    + due.scheduledAt() + (due.collapsed() > 1 ? "; " + due.collapsed()
                    + " scheduled times since the last check collapsed into this one fire" : "");
            TriggerEvent event = new TriggerEvent(trigger.name(), TriggerReason.SCHEDULE, null, now, detail);
            // A failed listener does not hold the schedule back (no retry every tick): the next
            // scheduled time fires again. Locked: a scheduler sharing the store that fired this time already
            // (another node of a cluster) recorded it, and this one does not fire it again.
            List<TriggerEvent> delivered = new ArrayList<>(1);
            store.locked(trigger.name(), current -> {
                if (current.lastFiredAt() != null && !due.scheduledAt().isAfter(current.lastFiredAt())) {
                    LOG.info("trigger '{}': its fire due at {} was made already", trigger.name(), due.scheduledAt());
                    return current;
                }
                if (deliver(event, p)) delivered.add(event);
                return current.withLastFiredAt(due.scheduledAt());
            });
            fired.addAll(delivered);
        });
        p.nextDueAt = schedule.nextAfter(now).orElse(null);
    }

    private void evaluateTrunk(TrunkMovedTrigger trigger, Instant now, List<TriggerEvent> fired) {
        Progress p = progress.get(trigger.name());
        if (p.nextDueAt != null && now.isBefore(p.nextDueAt)) return;
        p.lastCheckedAt = now;
        p.nextDueAt = now.plus(trigger.pollInterval());
        String sha;
        try {
            sha = heads.head(trigger.repoUrl(), trigger.ref());
        } catch (BranchHeads.BranchHeadException e) {
            fail(p, "trigger '" + trigger.name() + "': " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            fail(p, "trigger '" + trigger.name() + "': polling " + trigger.redactedUrl() + " failed: "
                    + UrlRedaction.redact(String.valueOf(e.getMessage()), trigger.repoUrl()));
            return;
        }
        p.lastError = null;
        TriggerState seen = store.load(trigger.name()).orElse(TriggerState.EMPTY);
        if (sha.equals(seen.lastSha())) return;
        // What the move changed is read before the lock (a fetch may be slow), for the SHA last seen; should
        // another node have moved it meanwhile, the range from its SHA is read under the lock.
        Map<String, Optional<CommitRanges.RangeChanges>> changes = new HashMap<>();
        if (!trigger.paths().isAny() && seen.lastSha() != null) {
            Optional<CommitRanges.RangeChanges> c = changes(trigger, seen.lastSha(), sha, p);
            if (c.isEmpty()) return;
            changes.put(seen.lastSha(), c);
        } else if (!trigger.paths().isAny() && !kept(trigger, sha, p)) {
            return; // the baseline of a path-filtered trigger is fetched first: retried next poll
        }
        // Decided again under the lock: another scheduler sharing the store (a cluster node) may have fired
        // for this SHA, or taken the baseline, since the load above; then this one does nothing.
        List<TriggerEvent> delivered = new ArrayList<>(1);
        store.locked(trigger.name(), state -> {
            if (sha.equals(state.lastSha())) return state;
            if (state.lastSha() == null) {
                LOG.info("trigger '{}': {} {} is at {}; taken as baseline", trigger.name(), trigger.redactedUrl(),
                        trigger.branch(), abbreviate(sha));
                return state.withLastSha(sha);
            }
            String detail = "trunk " + trigger.branch() + " of " + trigger.redactedUrl() + " moved "
                    + abbreviate(state.lastSha()) + " -> " + abbreviate(sha);
            if (!trigger.paths().isAny()) {
                Optional<CommitRanges.RangeChanges> c = changes.computeIfAbsent(state.lastSha(),
                        from -> changes(trigger, from, sha, p));
                if (c.isEmpty()) return state; // could not be read: polled again next time
                if (c.get() instanceof CommitRanges.Untouched) {
                    notFired(trigger.name(), sha, "trigger '" + trigger.name() + "' not fired: " + detail + " ("
                            + c.get().describe() + "; " + trigger.paths().describe() + "); " + abbreviate(sha)
                            + " recorded as seen");
                    return state.withLastSha(sha);
                }
                detail += "; " + c.get().describe();
            }
            TriggerEvent event = new TriggerEvent(trigger.name(), TriggerReason.TRUNK_MOVED, sha, now, detail);
            if (!deliver(event, p)) return state;
            delivered.add(event);
            return state.withLastSha(sha).withLastFiredAt(now);
        });
        fired.addAll(delivered);
    }

    /** Whether {@code sha} was kept at hand for later ranges; false after recording why not. */
    private boolean kept(TrunkMovedTrigger trigger, String sha, Progress p) {
        return reading(trigger, p, "fetching", () -> {
            ranges.keep(trigger.repoUrl(), trigger.ref(), sha);
            return true;
        }).isPresent();
    }

    /** What the commits {@code (from, to]} changed, or empty after recording why they could not be read. */
    private Optional<CommitRanges.RangeChanges> changes(TrunkMovedTrigger trigger, String from, String to, Progress p) {
        return reading(trigger, p, "reading the commits of",
                () -> ranges.changes(trigger.repoUrl(), trigger.ref(), from, to, trigger.paths()));
    }

    /** A git read for {@code trigger}; empty after its failure was recorded (credentials masked). */
    private <T> Optional<T> reading(TrunkMovedTrigger trigger, Progress p, String doing, GitRead<T> read) {
        try {
            return Optional.of(read.read());
        } catch (BranchHeads.BranchHeadException e) {
            fail(p, "trigger '" + trigger.name() + "': " + e.getMessage());
        } catch (RuntimeException e) {
            fail(p, "trigger '" + trigger.name() + "': " + doing + " " + trigger.redactedUrl() + " failed: "
                    + UrlRedaction.redact(String.valueOf(e.getMessage()), trigger.repoUrl()));
        }
        return Optional.empty();
    }

    private interface GitRead<T> {
        T read() throws BranchHeads.BranchHeadException;
    }

    private boolean deliver(TriggerEvent event, Progress p) {
        LOG.info("trigger '{}' fired: {}", event.triggerName(), event.detail());
        try {
            listener.fire(event);
            return true;
        } catch (Exception e) {
            fail(p, "trigger '" + event.triggerName() + "': listener failed: "
                    + UrlRedaction.redact(String.valueOf(e.getMessage())));
            return false;
        }
    }

    private void notFired(String triggerName, String sha, String line) {
        LOG.info(line);
        try {
            listener.notFired(triggerName, sha, line);
        } catch (RuntimeException e) {
            LOG.warn("trigger '{}': listener failed on a move it did not fire for: {}", triggerName,
                    UrlRedaction.redact(String.valueOf(e.getMessage())));
        }
    }

    private static void fail(Progress p, String message) {
        p.lastError = message;
        LOG.warn(message);
    }

    static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    /** Per-trigger bookkeeping that need not survive a restart. */
    private static final class Progress {
        Instant lastCheckedAt;
        Instant nextDueAt;
        String lastError;
    }
}
