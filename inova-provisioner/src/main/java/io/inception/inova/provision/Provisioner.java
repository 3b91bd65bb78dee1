package io.inception.inova.provision;

import io.inception.engine.stage.CheckpointStore;
import io.inception.inova.cloud.Cloud;
import io.inception.inova.cloud.CloudServer;
import io.inception.inova.cloud.Limits;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Makes an environment's control plane exist, idempotently by name and metadata: each
 * {@link #step} lists the environment's servers, deletes those in ERROR or stuck in BUILD past
 * the boot timeout (counting failed launches per role against its launch retries), launches what
 * is missing and says whether everything is ACTIVE. Call it again while it returns
 * {@link Step.Running}; all it remembers between calls is in the {@link CheckpointStore}, so a
 * resumed or repeated provision finds what exists and only makes what is missing.
 *
 * <p>Quota: before launching, the missing servers are checked against the project's free
 * instances; if the cloud still refuses with a quota error, every server this provision made is
 * deleted again and the step fails naming the quota.
 */
public final class Provisioner {
    private final Cloud cloud;
    private final Clock clock;
    private final Consumer<String> log;

    public Provisioner(Cloud cloud, Clock clock, Consumer<String> log) {
        this.cloud = cloud;
        this.clock = clock;
        this.log = log;
    }

    /** One pass: returns Done, Running (call again) or Failed. */
    public Step step(ControlPlane plane, String build, CheckpointStore state) {
        List<CloudServer> all = servers(plane);
        References refs = new References(cloud, plane.spec(), state);
        SlotLauncher launcher = new SlotLauncher(cloud, clock, state, plane.environment(), build, refs, log);
        Optional<String> quota = quotaProblem(plane, all);
        if (quota.isPresent()) return new Step.Failed(quota.get(), true);
        List<SlotLauncher.SlotStatus> statuses = new ArrayList<>();
        for (Slot slot : plane.slots()) {
            SlotLauncher.SlotStatus status = launcher.reconcile(slot, all, s -> true, "failures:" + slot.label());
            statuses.add(status);
            if (status.refused() != null && status.refused().quota()) {
                int removed = removeCreated(state);
                return new Step.Failed(status.failure() + "; quota exceeded: deleted the " + removed
                        + " server(s) this provision had made, nothing half-made is left", true);
            }
            if (status.failure() != null) return new Step.Failed(status.failure(), false);
        }
        int created = statuses.stream().mapToInt(SlotLauncher.SlotStatus::created).sum();
        int deleted = statuses.stream().mapToInt(SlotLauncher.SlotStatus::deleted).sum();
        addCounts(state, created, deleted);
        if (statuses.stream().allMatch(SlotLauncher.SlotStatus::done)) {
            List<ProvisionedServer> servers = statuses.stream().flatMap(s -> s.active().stream()
                    .map(c -> provisioned(s.slot(), c))).toList();
            return new Step.Done(servers, count(state, "count:created"), count(state, "count:deleted"));
        }
        return new Step.Running(progress(statuses));
    }

    /** The environment's servers (by name prefix and the environment tag). */
    public List<CloudServer> servers(ControlPlane plane) {
        return cloud.servers(plane.prefix()).stream()
                .filter(s -> s.meta(Tags.ENV).filter(plane.environment()::equals).isPresent()).toList();
    }

    static ProvisionedServer provisioned(Slot slot, CloudServer s) {
        return new ProvisionedServer(s.name(), s.id(), slot.cell(), slot.role().name(), s.address(),
                s.meta(Tags.BUILD).orElse(""), s.status().name());
    }

    static String progress(List<SlotLauncher.SlotStatus> statuses) {
        int want = statuses.stream().mapToInt(s -> s.slot().role().count()).sum();
        int active = statuses.stream().mapToInt(s -> Math.min(s.active().size(), s.slot().role().count())).sum();
        List<String> waiting = statuses.stream().filter(s -> !s.done())
                .map(s -> s.slot().label() + " " + s.active().size() + "/" + s.slot().role().count()).toList();
        return active + "/" + want + " servers ACTIVE; waiting for " + String.join(", ", waiting);
    }

    private Optional<String> quotaProblem(ControlPlane plane, List<CloudServer> all) {
        int missing = 0;
        for (Slot slot : plane.slots()) {
            long members = all.stream().filter(s -> Tags.in(s, plane.environment(), slot) && !s.goingAway()).count();
            missing += Math.max(0, slot.role().count() - (int) members);
        }
        if (missing == 0) return Optional.empty();
        Optional<Limits> limits = cloud.limits();
        if (limits.isEmpty() || limits.get().freeInstances() >= missing) return Optional.empty();
        Limits l = limits.get();
        return Optional.of("quota exceeded: the control plane of " + plane.environment() + " needs " + missing
                + " more server(s) but the iNova project has only " + l.freeInstances() + " instance(s) free (quota "
                + l.maxInstances() + ", used " + l.usedInstances() + "); nothing was created");
    }

    private int removeCreated(CheckpointStore state) {
        int removed = 0;
        for (Map.Entry<String, String> e : state.all().entrySet()) {
            if (!e.getKey().startsWith("created:")) continue;
            cloud.delete(e.getKey().substring("created:".length()));
            state.remove(e.getKey());
            log.accept("deleted " + e.getValue() + " (quota exceeded: undoing this provision)");
            removed++;
        }
        return removed;
    }

    private static void addCounts(CheckpointStore state, int created, int deleted) {
        if (created > 0) state.put("count:created", String.valueOf(count(state, "count:created") + created));
        if (deleted > 0) state.put("count:deleted", String.valueOf(count(state, "count:deleted") + deleted));
    }

    private static int count(CheckpointStore state, String key) {
        return state.get(key).map(Integer::parseInt).orElse(0);
    }
}
