package io.inception.xen.lab;

import io.inception.xen.api.XenApi;
import io.inception.xen.api.XenApiException;
import io.inception.xen.api.XenSession;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Self-service labs: accept (quota, lease, placement by free memory) and build (resumable, cleanup of a
 * half-made lab), list, show, extend, delete (idempotent) and the reaper (expired labs and leaked
 * tagged VMs). Builds and deletes are operations with a generation ({@link LabStore#begin}), so that
 * a node taking over a build from a dead node, or a delete during a build, fences the earlier one.
 */
public final class LabService {
    /**
     * How long a lab stays CREATING or DELETING, unchanged, before the reaper queues its work again
     * should it be missing: long enough that a lab just accepted is not queued twice by a reaper
     * running between its record and its queuing.
     */
    public static final Duration REQUEUE_AFTER = Duration.ofMinutes(2);
    private final Map<String, LabTemplate> templates;
    private final Map<String, PhysicalPool> pools;
    private final LabStore store;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Quota quota;
    private final Function<PhysicalPool, XenSession> connect;
    private final LabQueue queue;

    /**
     * @param templates lab templates by name ({@link LabTemplateLoader#loadAll})
     * @param pools     physical pools by name
     * @param ids       lab id generator (e.g. {@code () -> "lab-" + shortRandom})
     */
    public LabService(Map<String, LabTemplate> templates, List<PhysicalPool> pools, LabStore store, Clock clock,
                      Supplier<String> ids, Quota quota) {
        this(templates, pools, store, clock, ids, quota, null);
    }

    private LabService(Map<String, LabTemplate> templates, List<PhysicalPool> pools, LabStore store, Clock clock,
                       Supplier<String> ids, Quota quota, LabQueue queue) {
        this.queue = queue;
        this.templates = Map.copyOf(templates);
        Map<String, PhysicalPool> byName = new java.util.LinkedHashMap<>();
        pools.forEach(p -> byName.put(p.name(), p));
        this.pools = byName;
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.quota = quota;
        this.connect = p -> XenApi.connect(p.url()).withClock(clock).login(p.username(), p.password());
    }

    /**
     * The usual wiring: templates from {@code templatesDir} ({@code environments/labs}), labs in
     * {@code store} ({@link DbLabStore}), default quota, random lab ids.
     */
    public static LabService standard(Path templatesDir, LabStore store, List<PhysicalPool> pools, Clock clock) {
        java.security.SecureRandom random = new java.security.SecureRandom();
        return new LabService(LabTemplateLoader.loadAll(templatesDir), pools, store, clock,
                () -> String.format("lab-%06x", random.nextInt(0x1000000)), Quota.defaults());
    }

    /**
     * As {@link #standard(Path, LabStore, List, Clock)} on the JSON files of {@code labsDir} ({@link
     * JsonFileLabStore}, one process only); the lab command moves them to the database with {@link #on}.
     */
    public static LabService standard(Path templatesDir, Path labsDir, List<PhysicalPool> pools, Clock clock) {
        return standard(templatesDir, new JsonFileLabStore(labsDir), pools, clock);
    }

    /** The same service on {@code other}; labs of this one's {@link JsonFileLabStore} are imported into it once. */
    public LabService on(LabStore other) {
        if (store instanceof JsonFileLabStore files && other != store) files.importInto(other);
        return new LabService(templates, List.copyOf(pools.values()), other, clock, ids, quota, queue);
    }

    /** The same service whose {@link #request} and {@link #requestDelete} queue their work on {@code q}. */
    public LabService withQueue(LabQueue q) {
        return new LabService(templates, List.copyOf(pools.values()), store, clock, ids, quota, q);
    }

    /**
     * A user's request for a lab: {@link #accept} it and queue its build — or, on a service without a
     * queue, build it here and now.
     *
     * @return Accepted (queued), Refused, or (without a queue) what {@link #build} gave
     */
    public LabOutcome request(LabRequest req) {
        if (queue == null) return create(req);
        LabOutcome outcome = accept(req);
        if (outcome instanceof LabOutcome.Accepted a) queue.build(a.lab());
        return outcome;
    }

    /**
     * A user's request to delete a lab: {@link #markDeleting} and queue the removal of its VMs — or,
     * on a service without a queue, remove them here and now. Idempotent.
     *
     * @return the lab, DELETING (queued) or DELETED
     * @throws IllegalArgumentException when there is no such lab
     */
    public Lab requestDelete(String id) {
        if (queue == null) return delete(id);
        Lab lab = markDeleting(id);
        if (lab.state() == Lab.State.DELETING) queue.delete(lab);
        return lab;
    }

    public Map<String, LabTemplate> templates() {
        return templates;
    }

    /**
     * Checks a request (template, lease, quota, placement by free memory) and records the lab
     * CREATING on the chosen pool; nothing is made yet ({@link #build} makes it).
     *
     * @return Accepted with the lab, or Refused saying why
     */
    public LabOutcome accept(LabRequest req) {
        LabTemplate t = templates.get(req.template());
        if (t == null) {
            return new LabOutcome.Refused("no lab template \"" + req.template() + "\"; known: " + templates.keySet());
        }
        Lease lease;
        try {
            lease = Lease.starting(clock.instant(), req.ttl());
        } catch (IllegalArgumentException e) {
            return new LabOutcome.Refused(e.getMessage());
        }
        Optional<String> overQuota = overQuota(req.owner(), t);
        if (overQuota.isPresent()) {
            return new LabOutcome.Refused(overQuota.get());
        }
        List<Placement.PoolRoom> rooms = new ArrayList<>();
        for (String name : t.pools()) {
            PhysicalPool p = pools.get(name);
            if (p != null) {
                try (XenSession s = connect.apply(p)) {
                    rooms.add(Placement.roomOf(p, s));
                }
            }
        }
        Optional<Placement.PoolRoom> room = Placement.choose(rooms, t);
        if (room.isEmpty()) {
            return new LabOutcome.Refused("no physical pool has room for lab template " + t.name() + " ("
                    + Placement.gib(t.memoryBytes()) + " in all): " + rooms.stream()
                    .map(r -> r.pool().name() + " has " + Placement.gib(r.freeBytes()) + " free").toList()
                    + (rooms.isEmpty() ? " none of " + t.pools() + " is configured" : ""));
        }
        String id = ids.get();
        String name = req.name() == null || req.name().isBlank() ? id : req.name();
        Lab lab = new Lab(id, name, req.owner(), t.name(), room.get().pool().name(), lease, Lab.State.CREATING,
                List.of(), "", "accepted: waiting to be built", t.memoryBytes(), t.hosts().count(), clock.instant());
        store.save(lab);
        return new LabOutcome.Accepted(lab);
    }

    /**
     * Builds (or resumes the build of) an accepted lab, as a new operation on it. A build that an
     * earlier operation left halfway (its node died or stopped) is not continued VM by VM: what it made
     * (recorded, or found by the lab's tag) is removed first and the lab is built from scratch, so
     * there are never two copies of a lab's VMs. A build that fails cleans up and records FAILED.
     *
     * @param stopping true once this node is stopping: the build stops before its next VM and returns
     *                 {@link LabOutcome.Interrupted} (the next build of the lab starts over)
     * @return Created, Failed, Interrupted (stopping, or a later operation owns the lab), or Refused
     *         when there is no such lab; a lab that is not CREATING is left as it is
     */
    public LabOutcome build(String id, BooleanSupplier stopping) {
        Optional<Lab> found = store.find(id);
        if (found.isEmpty()) return new LabOutcome.Refused("there is no lab " + id);
        Lab lab = found.get();
        if (lab.state() == Lab.State.READY) return new LabOutcome.Created(lab);
        if (lab.state() != Lab.State.CREATING) return new LabOutcome.Interrupted(lab, "lab " + id + " is " + lab.state());
        long generation = store.begin(id);
        LabTemplate t = templates.get(lab.template());
        PhysicalPool pool = pools.get(lab.pool());
        if (t == null || pool == null) {
            String why = t == null ? "lab template " + lab.template() + " is not known here"
                    : "pool " + lab.pool() + " is not configured here";
            return failed(id, generation, why);
        }
        try (XenSession s = connect.apply(pool)) {
            List<String> left = LabBuilder.teardown(store.find(id).orElse(lab), s);
            String start = left.isEmpty() ? "building" : "building again: removed " + left.size()
                    + " VMs and networks an interrupted build left";
            Optional<Lab> fresh = store.update(id, generation, l -> l.withVms(List.of(), "", clock.instant())
                    .withState(Lab.State.CREATING, start, clock.instant()));
            if (fresh.isEmpty()) return superseded(id);
            try {
                return new LabOutcome.Created(new LabBuilder(store, clock, generation, stopping).build(fresh.get(), t, pool, s));
            } catch (LabBuilder.Stopped stopped) {
                if (stopped.superseded) {
                    LabBuilder.teardownGeneration(id, generation, s);
                    return superseded(id);
                }
                String why = "handed over (" + stopped.getMessage() + "): the next build starts it over";
                Optional<Lab> handed = store.update(id, generation, l -> l.withState(Lab.State.CREATING, why, clock.instant()));
                return new LabOutcome.Interrupted(handed.orElseGet(() -> store.find(id).orElse(lab)), why);
            } catch (XenApiException e) {
                if (store.generation(id) != generation) {
                    LabBuilder.teardownGeneration(id, generation, s);
                    return superseded(id);
                }
                LabBuilder.teardown(store.find(id).orElse(lab), s);
                return failed(id, generation, "creation failed and was cleaned up: " + e.getMessage());
            }
        }
    }

    /** Accepts {@code req} and builds the lab here and now ({@link #accept} then {@link #build}). */
    public LabOutcome create(LabRequest req) {
        LabOutcome accepted = accept(req);
        return accepted instanceof LabOutcome.Accepted a ? build(a.lab().id(), () -> false) : accepted;
    }

    private LabOutcome failed(String id, long generation, String why) {
        Optional<Lab> failed = store.update(id, generation, l -> l.withState(Lab.State.FAILED, why, clock.instant()));
        return failed.<LabOutcome>map(l -> new LabOutcome.Failed(l, why)).orElseGet(() -> superseded(id));
    }

    private LabOutcome superseded(String id) {
        Lab now = store.find(id).orElseThrow();
        return new LabOutcome.Interrupted(now, "a later operation on lab " + id + " owns it now (" + now.state() + ")");
    }

    private Optional<String> overQuota(String owner, LabTemplate t) {
        List<Lab> mine = store.all().stream().filter(l -> l.owner().equals(owner) && l.live()).toList();
        long mem = mine.stream().mapToLong(Lab::memoryBytes).sum();
        int hosts = mine.stream().mapToInt(Lab::hosts).sum();
        boolean refused = mine.size() + 1 > quota.maxLabs() || mem + t.memoryBytes() > quota.maxMemoryBytes()
                || hosts + t.hosts().count() > quota.maxHosts();
        if (!refused) {
            return Optional.empty();
        }
        return Optional.of("quota of " + owner + " exceeded: in use " + mine.size() + " of " + quota.maxLabs()
                + " labs, " + Placement.gib(mem) + " of " + Placement.gib(quota.maxMemoryBytes()) + " RAM, " + hosts
                + " of " + quota.maxHosts() + " hosts (" + mine.stream().map(Lab::id).toList() + "); template "
                + t.name() + " needs " + Placement.gib(t.memoryBytes()) + " and " + t.hosts().count()
                + " hosts. Delete a lab (inception lab delete <id>) or wait for one to expire.");
    }

    public List<Lab> list(Optional<String> owner) {
        return store.all().stream().filter(l -> owner.map(o -> o.equals(l.owner())).orElse(true)).toList();
    }

    public Optional<Lab> show(String id) {
        return store.find(id);
    }

    /** Extends a live lab's lease (capped at 7 days after creation). */
    public Lab extend(String id, Duration by) {
        Lab lab = store.find(id).orElseThrow(() -> new IllegalArgumentException("no lab " + id));
        if (!lab.live()) {
            throw new IllegalArgumentException("lab " + id + " is " + lab.state() + "; only a live lab can be extended");
        }
        Lease lease = lab.lease().extendedBy(by);
        return store.update(id, LabStore.ANY_GENERATION, l -> l.withLease(lease, clock.instant())).orElseThrow();
    }

    /** Deletes the lab's VMs and marks it DELETED, here and now; deleting a deleted lab again does nothing new. */
    public Lab delete(String id) {
        markDeleting(id);
        return finishDelete(id);
    }

    /**
     * Records a lab DELETING as a new operation on it, which stops a build still running elsewhere at
     * its next step; a DELETED lab is returned as it is. {@link #finishDelete} removes the VMs.
     *
     * @throws IllegalArgumentException when there is no such lab
     */
    public Lab markDeleting(String id) {
        Lab lab = store.find(id).orElseThrow(() -> new IllegalArgumentException("no lab " + id));
        if (lab.state() == Lab.State.DELETED) return lab;
        long generation = store.begin(id);
        return store.update(id, generation, l -> l.withState(Lab.State.DELETING, "deleting", clock.instant()))
                .orElseGet(() -> store.find(id).orElseThrow());
    }

    /**
     * Removes the VMs and networks of a DELETING lab and records it DELETED (idempotent: a lab in any
     * other state is returned as it is).
     *
     * @throws IllegalStateException when the lab's pool is not configured here
     */
    public Lab finishDelete(String id) {
        Lab lab = store.find(id).orElseThrow(() -> new IllegalArgumentException("no lab " + id));
        if (lab.state() != Lab.State.DELETING) return lab;
        long generation = store.generation(id);
        PhysicalPool p = pools.get(lab.pool());
        if (p == null) {
            throw new IllegalStateException("lab " + id + " is on pool " + lab.pool() + ", which is not configured");
        }
        try (XenSession s = connect.apply(p)) {
            LabBuilder.teardown(lab, s);
        }
        return store.update(id, generation, l -> l.withState(Lab.State.DELETED, "deleted", clock.instant()))
                .orElseGet(() -> store.find(id).orElseThrow());
    }

    /** The build generation a VM was tagged with; untagged (made by an earlier version) counts as current. */
    private static long generationOf(Map<String, String> otherConfig) {
        try {
            return Long.parseLong(otherConfig.getOrDefault(LabBuilder.TAG_GENERATION, String.valueOf(Long.MAX_VALUE)));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The configured pools. */
    public List<PhysicalPool> pools() {
        return List.copyOf(pools.values());
    }

    /** The configured pool of that name. */
    public Optional<PhysicalPool> pool(String name) {
        return Optional.ofNullable(pools.get(name));
    }

    /**
     * One reaper pass: deletes expired labs, then VMs tagged by Inception that belong to no live lab
     * (or to an earlier, superseded build of a ready lab), then — on a service with a queue — queues
     * again the build of a CREATING lab and the delete of a DELETING one unchanged for longer than
     * {@link #REQUEUE_AFTER} whose work is in no queue (its process died between recording the lab
     * and queuing the work); work still queued or running is left as it is.
     */
    public ReapReport reap() {
        List<String> expired = new ArrayList<>();
        for (Lab lab : store.all()) {
            if (lab.live() && lab.lease().expiredAt(clock.instant())) {
                delete(lab.id());
                expired.add(lab.id());
            }
        }
        java.util.Set<String> live = new java.util.HashSet<>();
        Map<String, Long> readyGeneration = new java.util.HashMap<>();
        for (Lab l : store.all()) {
            if (l.live()) live.add(l.id());
            if (l.state() == Lab.State.READY) readyGeneration.put(l.id(), store.generation(l.id()));
        }
        List<String> leaked = new ArrayList<>();
        for (PhysicalPool p : pools.values()) {
            try (XenSession s = connect.apply(p)) {
                for (var vm : s.vms().taggedWith(LabBuilder.TAG_LAB, "*")) {
                    String labId = vm.otherConfig().get(LabBuilder.TAG_LAB);
                    // a VM of a ready lab from an earlier, superseded build of it is a leak too
                    boolean stale = readyGeneration.containsKey(labId)
                            && generationOf(vm.otherConfig()) < readyGeneration.get(labId);
                    if (!live.contains(labId) || stale) {
                        s.vms().destroyWithDisks(vm.ref());
                        leaked.add(p.name() + "/" + vm.nameLabel());
                    }
                }
            }
        }
        return new ReapReport(expired, leaked, requeueStuck());
    }

    /** The labs whose missing work was queued again, as {@code <id> build} or {@code <id> delete}. */
    private List<String> requeueStuck() {
        List<String> requeued = new ArrayList<>();
        if (queue == null) return requeued;
        java.time.Instant before = clock.instant().minus(REQUEUE_AFTER);
        for (Lab lab : store.all()) {
            if (!lab.updatedAt().isBefore(before)) continue;
            if (lab.state() == Lab.State.CREATING && queue.build(lab)) requeued.add(lab.id() + " build");
            if (lab.state() == Lab.State.DELETING && queue.delete(lab)) requeued.add(lab.id() + " delete");
        }
        return requeued;
    }

    /**
     * Ends the pending operation of a CREATING or DELETING lab that cannot be done (e.g. its pool is
     * configured on no node): records it FAILED with {@code why}, as a new operation on it. A lab in
     * any other state is returned as it is.
     *
     * @throws IllegalArgumentException when there is no such lab
     */
    public Lab giveUp(String id, String why) {
        Lab lab = store.find(id).orElseThrow(() -> new IllegalArgumentException("no lab " + id));
        if (!pending(lab)) return lab;
        long generation = store.begin(id);
        return store.update(id, generation, l -> pending(l) ? l.withState(Lab.State.FAILED, why, clock.instant()) : l)
                .orElseGet(() -> store.find(id).orElseThrow());
    }

    private static boolean pending(Lab lab) {
        return lab.state() == Lab.State.CREATING || lab.state() == Lab.State.DELETING;
    }
}
