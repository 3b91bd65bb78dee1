package io.inception.engine.rollout;

import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.model.ExecutionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs rollouts: {@link #plan} stores a rollout and its hosts (all PENDING, in waves);
 * {@link #run} works through the waves — at most {@code maxParallel} hosts at once, a wave
 * finishing before the next starts — until every host is final or the failure budget is spent;
 * {@link #rollbackAll} puts upgraded hosts back. {@code run} of an interrupted rollout is the
 * resume: final hosts are skipped, in-flight hosts re-checked from their stored phase. Before a wave
 * whose predecessor has a {@link WaveGate}, {@code run} returns with the rollout WAITING until the
 * pause is over (measured from the last host of the previous wave) and, for a manual gate, until
 * {@link #approve}; calling {@code run} again then goes on.
 */
public final class RolloutEngine {
    private static final Logger LOG = LoggerFactory.getLogger(RolloutEngine.class);

    private final RolloutStore store;
    private final SshFleet fleet;
    private final Drain drain;
    private final Clock clock;
    private final IdGenerator ids;

    public RolloutEngine(RolloutStore store, SshFleet fleet, Drain drain, Clock clock, IdGenerator ids) {
        this.store = store;
        this.fleet = fleet;
        this.drain = drain;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Stores a new rollout of {@code spec} over {@code hosts}; returns its id. A spec without a
     * previous source gets the apt line of the environment's last successful rollout of the package
     * from another source, so a failed host can be rolled back to what it ran.
     */
    public String plan(RolloutSpec spec, List<HostTarget> hosts) {
        if (hosts.isEmpty()) throw new IllegalArgumentException("a rollout needs at least one host");
        if (spec.previousSource() == null) {
            RolloutSpec s = spec;
            spec = spec.withPreviousSource(store.list().stream().filter(r -> r.status() == ExecutionStatus.SUCCEEDED
                            && r.spec().environment().equals(s.environment()) && r.spec().packageName().equals(s.packageName())
                            && !r.spec().aptSource().equals(s.aptSource())
                            && repositoryUrl(r.spec().aptSource()).equals(repositoryUrl(s.aptSource())))
                    .max(java.util.Comparator.comparing(RolloutRecord::createdAt)).map(r -> r.spec().aptSource())
                    .orElse(null));
        }
        String id = ids.next("ro");
        List<HostRecord> records = new ArrayList<>();
        List<List<HostTarget>> waves = WavePlan.plan(hosts, spec.waves(), spec.cellOrder());
        for (int w = 0; w < waves.size(); w++) {
            for (HostTarget h : waves.get(w)) {
                records.add(new HostRecord(h, w, records.size(), HostPhase.PENDING, null, "", null, clock.instant()));
            }
        }
        store.create(id, spec, records);
        LOG.info("rollout {} planned: {} hosts in {} waves", id, records.size(), waves.size());
        return id;
    }

    /**
     * The repository URL of a {@code deb [options] URL suite components} line: a previous release is only
     * offered from the repository the hosts read now (a line of a repository served elsewhere back then
     * would make {@code apt-get update} fail).
     */
    static String repositoryUrl(String debLine) {
        String rest = debLine.strip().replaceFirst("^deb\\s+", "");
        if (rest.startsWith("[")) rest = rest.substring(rest.indexOf(']') + 1).strip();
        String url = rest.split("\\s+")[0];
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Runs (or resumes) a rollout until it is complete, stopped by its failure budget, or at a gate. */
    public RolloutSummary run(String id) {
        return run(id, () -> false);
    }

    /**
     * As {@link #run(String)}; once {@code cancelled} says so no further host is started, the hosts
     * in flight finish their step sequence, and the rollout is left CANCELED (a later {@code run}
     * resumes it).
     */
    public RolloutSummary run(String id, java.util.function.BooleanSupplier cancelled) {
        return runThrough(id, Integer.MAX_VALUE, cancelled);
    }

    /**
     * As {@link #run(String, java.util.function.BooleanSupplier)}, but stops once wave {@code lastWave}
     * (0-based) is done: while later waves remain the rollout stays RUNNING, and the next call (for
     * the next wave) goes on from the stored host states. A cluster node runs one wave at a time so
     * that another node can take the next one.
     */
    public RolloutSummary runThrough(String id, int lastWave, java.util.function.BooleanSupplier cancelled) {
        RolloutRecord rollout = store.find(id).orElseThrow(() -> new IllegalArgumentException("no rollout " + id));
        if (rollout.status() == ExecutionStatus.CANCELED) {
            store.setStatus(id, ExecutionStatus.RUNNING, "");
            rollout = store.find(id).orElseThrow();
        }
        if (rollout.status() != ExecutionStatus.RUNNING && rollout.status() != ExecutionStatus.WAITING) {
            boolean rollingBack = store.hosts(id).stream().anyMatch(h -> h.phase() == HostPhase.ROLLING_BACK);
            return rollingBack ? rollbackAll(id) : summary(id);
        }
        RolloutSpec spec = rollout.spec();
        List<HostRecord> hosts = store.hosts(id);
        int total = hosts.size();
        int waves = hosts.stream().mapToInt(HostRecord::wave).max().orElse(0) + 1;
        AtomicInteger failures = new AtomicInteger((int) hosts.stream().filter(h -> h.phase().isFailure()).count());
        AtomicBoolean stopped = new AtomicBoolean(false);
        String stopReason = "";
        ExecutorService pool = pool(id, spec.maxParallel());
        try {
            for (int w = 0; w < waves && w <= lastWave && !stopped.get(); w++) {
                int wave = w;
                List<HostRecord> todo = hosts.stream().filter(h -> h.wave() == wave && !h.phase().isFinal())
                        .sorted((a, b) -> Boolean.compare(b.phase().inFlight(), a.phase().inFlight())).toList();
                if (!todo.isEmpty() && wave > 0 && notStarted(hosts, wave)) {
                    java.util.Optional<String> hold = hold(store.find(id).orElseThrow(), hosts, wave - 1);
                    if (hold.isPresent()) {
                        if (!hold.get().equals(store.find(id).orElseThrow().message())) LOG.info("rollout {} {}", id, hold.get());
                        store.setStatus(id, ExecutionStatus.WAITING, hold.get());
                        return summary(id);
                    }
                    store.setStatus(id, ExecutionStatus.RUNNING, "");
                }
                if (!todo.isEmpty()) LOG.info("rollout {} wave {}: {} hosts", id, wave + 1, todo.size());
                List<Future<?>> running = new ArrayList<>();
                Map<String, String> mdc = MDC.getCopyOfContextMap();
                for (HostRecord h : todo) {
                    running.add(pool.submit(() -> withMdc(mdc, h.host().name(), () -> {
                        if (stopped.get()) return;
                        if (cancelled.getAsBoolean()) {
                            stopped.set(true);
                            return;
                        }
                        HostRecord result = new HostUpgrade(fleet, drain, store, id, spec, clock).upgrade(h);
                        if (result.phase().isFailure()) {
                            int failed = failures.incrementAndGet();
                            LOG.warn("{} {}: {}", h.host().name(), result.phase(), result.message());
                            if (spec.budget().spent(failed, wave, total)) stopped.set(true);
                        }
                    })));
                }
                awaitAll(running);
                if (stopped.get() && !spec.budget().spent(failures.get(), wave, total)) {
                    return cancel(id);
                }
                if (!stopped.get() && cancelled.getAsBoolean()) return cancel(id);
                if (stopped.get()) {
                    stopReason = "failure budget spent: " + failures.get() + " of " + total + " hosts failed by wave "
                            + (wave + 1);
                }
                hosts = store.hosts(id);
            }
        } finally {
            pool.shutdownNow();
        }
        if (!stopped.get() && lastWave < waves - 1) return summary(id);
        if (stopped.get()) {
            LOG.warn("rollout {} stopped: {}", id, stopReason);
            store.setStatus(id, ExecutionStatus.FAILED, stopReason);
            if (spec.rollbackAll()) return rollbackAll(id);
        } else {
            store.setStatus(id, ExecutionStatus.SUCCEEDED, failures.get() == 0 ? ""
                    : failures.get() + " host(s) failed within the failure budget");
        }
        return summary(id);
    }

    private RolloutSummary cancel(String id) {
        LOG.warn("rollout {} cancelled", id);
        store.setStatus(id, ExecutionStatus.CANCELED, "cancelled; `inception rollout resume " + id + "` continues it");
        return summary(id);
    }

    /**
     * Approves the manual gate the rollout is waiting at. Returns false (and changes nothing) when
     * it is not waiting at one; the rollout goes on at its next {@link #run}.
     */
    public boolean approve(String id) {
        RolloutRecord rollout = store.find(id).orElseThrow(() -> new IllegalArgumentException("no rollout " + id));
        List<HostRecord> hosts = store.hosts(id);
        int next = hosts.stream().filter(h -> !h.phase().isFinal()).mapToInt(HostRecord::wave).min().orElse(-1);
        if (rollout.status() != ExecutionStatus.WAITING || next <= 0) return false;
        boolean manual = rollout.spec().gateAfter(next - 1).map(WaveGate::manual).orElse(false);
        if (!manual || rollout.approved(next - 1)) return false;
        store.approveGate(id, next - 1);
        LOG.info("rollout {}: gate after wave {} approved", id, next);
        return true;
    }

    private static boolean notStarted(List<HostRecord> hosts, int wave) {
        return hosts.stream().filter(h -> h.wave() == wave).allMatch(h -> h.phase() == HostPhase.PENDING);
    }

    /** Why the rollout must wait before the wave after {@code waveIndex}, or empty when it may go on. */
    private java.util.Optional<String> hold(RolloutRecord rollout, List<HostRecord> hosts, int waveIndex) {
        java.util.Optional<WaveGate> gate = rollout.spec().gateAfter(waveIndex);
        if (gate.isEmpty() || !gate.get().holds()) return java.util.Optional.empty();
        java.time.Instant ended = hosts.stream().filter(h -> h.wave() == waveIndex).map(HostRecord::updatedAt)
                .max(java.util.Comparator.naturalOrder()).orElse(clock.instant());
        java.time.Instant until = ended.plus(gate.get().pause());
        if (clock.instant().isBefore(until)) {
            return java.util.Optional.of("paused after wave " + (waveIndex + 1) + " until " + until);
        }
        if (gate.get().manual() && !rollout.approved(waveIndex)) {
            return java.util.Optional.of("waiting for approval after wave " + (waveIndex + 1)
                    + ": inception rollout approve " + rollout.id());
        }
        return java.util.Optional.empty();
    }

    /** Rolls every upgraded host (DONE, or caught ROLLING_BACK) back to its previous version. */
    public RolloutSummary rollbackAll(String id) {
        RolloutRecord rollout = store.find(id).orElseThrow(() -> new IllegalArgumentException("no rollout " + id));
        if (rollout.status() == ExecutionStatus.RUNNING || rollout.status() == ExecutionStatus.WAITING) {
            store.setStatus(id, ExecutionStatus.FAILED, "rolled back on request");
        }
        List<HostRecord> todo = store.hosts(id).stream()
                .filter(h -> h.phase() == HostPhase.DONE || h.phase() == HostPhase.ROLLING_BACK).toList();
        ExecutorService pool = pool(id, rollout.spec().maxParallel());
        try {
            List<Future<?>> running = new ArrayList<>();
            Map<String, String> mdc = MDC.getCopyOfContextMap();
            for (HostRecord h : todo) {
                running.add(pool.submit(() -> withMdc(mdc, h.host().name(), () -> new HostUpgrade(fleet, drain, store,
                        id, rollout.spec(), clock).rollback(h, h.phase() == HostPhase.ROLLING_BACK ? h.message()
                        : "rollback: all"))));
            }
            awaitAll(running);
        } finally {
            pool.shutdownNow();
        }
        return summary(id);
    }

    public RolloutSummary summary(String id) {
        RolloutRecord r = store.find(id).orElseThrow(() -> new IllegalArgumentException("no rollout " + id));
        return RolloutSummary.of(r, store.hosts(id));
    }

    private static ExecutorService pool(String id, int size) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(r, "rollout-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static void withMdc(Map<String, String> mdc, String host, Runnable work) {
        if (mdc != null) MDC.setContextMap(mdc);
        MDC.put("host", host);
        try {
            work.run();
        } finally {
            MDC.clear();
        }
    }

    private static void awaitAll(List<Future<?>> futures) {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("rollout interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a host task failed unexpectedly: " + e.getCause(), e.getCause());
            }
        }
    }
}
