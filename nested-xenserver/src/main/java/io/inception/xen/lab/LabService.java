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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Self-service labs: create (quota, lease, placement by free memory, cleanup of a half-made lab),
 * list, show, extend, delete (idempotent) and the reaper (expired labs and leaked tagged VMs).
 */
public final class LabService {
    private final Map<String, LabTemplate> templates;
    private final Map<String, PhysicalPool> pools;
    private final LabStore store;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Quota quota;
    private final Function<PhysicalPool, XenSession> connect;

    /**
     * @param templates lab templates by name ({@link LabTemplateLoader#loadAll})
     * @param pools     physical pools by name
     * @param ids       lab id generator (e.g. {@code () -> "lab-" + shortRandom})
     */
    public LabService(Map<String, LabTemplate> templates, List<PhysicalPool> pools, LabStore store, Clock clock,
                      Supplier<String> ids, Quota quota) {
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
     * The usual wiring: templates from {@code templatesDir} ({@code environments/labs}), labs kept as
     * JSON files in {@code labsDir} ({@code $INCEPTION_HOME/labs}), default quota, random lab ids.
     */
    public static LabService standard(Path templatesDir, Path labsDir, List<PhysicalPool> pools, Clock clock) {
        java.security.SecureRandom random = new java.security.SecureRandom();
        return new LabService(LabTemplateLoader.loadAll(templatesDir), pools, new JsonFileLabStore(labsDir), clock,
                () -> String.format("lab-%06x", random.nextInt(0x1000000)), Quota.defaults());
    }

    public Map<String, LabTemplate> templates() {
        return templates;
    }

    public LabOutcome create(LabRequest req) {
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
                List.of(), "", "creating", t.memoryBytes(), t.hosts().count(), clock.instant());
        store.save(lab);
        try (XenSession s = connect.apply(room.get().pool())) {
            try {
                return new LabOutcome.Created(new LabBuilder(store, clock).build(lab, t, room.get().pool(), s));
            } catch (XenApiException e) {
                Lab half = store.find(id).orElse(lab);
                LabBuilder.teardown(half, s);
                Lab failed = half.withState(Lab.State.FAILED, "creation failed and was cleaned up: " + e.getMessage(),
                        clock.instant());
                store.save(failed);
                return new LabOutcome.Failed(failed, e.getMessage());
            }
        }
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
        Lab extended = lab.withLease(lab.lease().extendedBy(by), clock.instant());
        store.save(extended);
        return extended;
    }

    /** Deletes the lab's VMs and marks it DELETED; deleting a deleted (or failed) lab again does nothing new. */
    public Lab delete(String id) {
        Lab lab = store.find(id).orElseThrow(() -> new IllegalArgumentException("no lab " + id));
        if (lab.state() == Lab.State.DELETED) {
            return lab;
        }
        PhysicalPool p = pools.get(lab.pool());
        if (p == null) {
            throw new IllegalStateException("lab " + id + " is on pool " + lab.pool() + ", which is not configured");
        }
        Lab deleting = lab.withState(Lab.State.DELETING, "deleting", clock.instant());
        store.save(deleting);
        try (XenSession s = connect.apply(p)) {
            LabBuilder.teardown(deleting, s);
        }
        Lab deleted = deleting.withState(Lab.State.DELETED, "deleted", clock.instant());
        store.save(deleted);
        return deleted;
    }

    /** One reaper pass: deletes expired labs, then VMs tagged by Inception that belong to no live lab. */
    public ReapReport reap() {
        List<String> expired = new ArrayList<>();
        for (Lab lab : store.all()) {
            if (lab.live() && lab.lease().expiredAt(clock.instant())) {
                delete(lab.id());
                expired.add(lab.id());
            }
        }
        java.util.Set<String> live = new java.util.HashSet<>();
        store.all().stream().filter(Lab::live).forEach(l -> live.add(l.id()));
        List<String> leaked = new ArrayList<>();
        for (PhysicalPool p : pools.values()) {
            try (XenSession s = connect.apply(p)) {
                for (var vm : s.vms().taggedWith(LabBuilder.TAG_LAB, "*")) {
                    if (!live.contains(vm.otherConfig().get(LabBuilder.TAG_LAB))) {
                        s.vms().destroyWithDisks(vm.ref());
                        leaked.add(p.name() + "/" + vm.nameLabel());
                    }
                }
            }
        }
        return new ReapReport(expired, leaked);
    }
}
