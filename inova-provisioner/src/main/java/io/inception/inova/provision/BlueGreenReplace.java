package io.inception.inova.provision;

import io.inception.engine.stage.CheckpointStore;
import io.inception.inova.cloud.Cloud;
import io.inception.inova.cloud.CloudServer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Blue/green replacement of a role: new servers (tagged with the new build) come up beside the
 * old ones, are configured by the {@link RoleConfigurer}, must pass the {@link HealthCheck}; only
 * then are the old ones deleted. On any failure the new ones are deleted and the old ones stay.
 * Stepwise like {@link Provisioner}: call {@link #step} again while it returns Running.
 */
public final class BlueGreenReplace {
    private final Cloud cloud;
    private final Clock clock;
    private final RoleConfigurer configurer;
    private final HealthCheck health;
    private final Consumer<String> log;

    public BlueGreenReplace(Cloud cloud, Clock clock, RoleConfigurer configurer, HealthCheck health, Consumer<String> log) {
        this.cloud = cloud;
        this.clock = clock;
        this.configurer = configurer;
        this.health = health;
        this.log = log;
    }

    /** One pass of replacing {@code role} (in {@code cell}, or every cell when null) with servers of {@code build}. */
    public Step step(ControlPlane plane, String role, String cell, String build, CheckpointStore state) {
        List<Slot> slots = plane.slots(role, cell);
        if (slots.isEmpty()) {
            return new Step.Failed("no role '" + role + "'" + (cell == null ? "" : " in cell '" + cell + "'")
                    + " in the control plane of " + plane.environment(), false);
        }
        Provisioner provisioner = new Provisioner(cloud, clock, log);
        List<CloudServer> all = provisioner.servers(plane);
        References refs = new References(cloud, plane.spec(), state);
        SlotLauncher launcher = new SlotLauncher(cloud, clock, state, plane.environment(), build, refs, log);
        List<SlotLauncher.SlotStatus> statuses = new ArrayList<>();
        for (Slot slot : slots) {
            SlotLauncher.SlotStatus s = launcher.reconcile(slot, all, srv -> isNew(srv, build), "replace-failures:" + slot.label());
            statuses.add(s);
            if (s.failure() != null) return abort(plane, slots, build, s.failure(), s.refused() != null && s.refused().quota());
        }
        if (!statuses.stream().allMatch(SlotLauncher.SlotStatus::done)) return new Step.Running(Provisioner.progress(statuses));
        List<ProvisionedServer> fresh = new ArrayList<>();
        for (SlotLauncher.SlotStatus s : statuses) {
            Slot slot = s.slot();
            if (state.get("configured:" + slot.label()).isEmpty()) {
                RoleConfigurer.Outcome configured = configurer.configure(plane.environment(), slot, s.active());
                if (!configured.ok()) return abort(plane, slots, build, slot.label() + ": configuring the new servers failed: "
                        + configured.reason(), false);
                state.put("configured:" + slot.label(), build);
                log.accept(slot.label() + ": new servers configured");
            }
            for (CloudServer srv : s.active()) {
                Optional<String> problem = health.problem(slot, srv);
                if (problem.isPresent()) return abort(plane, slots, build, slot.label() + ": health check of " + srv.name()
                        + " failed: " + problem.get(), false);
                fresh.add(Provisioner.provisioned(slot, srv));
            }
        }
        int deleted = 0;
        for (Slot slot : slots) {
            for (CloudServer old : all) {
                if (Tags.in(old, plane.environment(), slot) && !isNew(old, build) && !old.goingAway()) {
                    cloud.delete(old.id());
                    deleted++;
                    log.accept(slot.label() + ": deleted old " + old.name());
                }
            }
        }
        return new Step.Done(fresh, fresh.size(), deleted);
    }

    private static boolean isNew(CloudServer s, String build) {
        return s.meta(Tags.BUILD).filter(build::equals).isPresent();
    }

    private Step abort(ControlPlane plane, List<Slot> slots, String build, String reason, boolean quota) {
        int removed = 0;
        for (CloudServer s : new Provisioner(cloud, clock, log).servers(plane)) {
            if (isNew(s, build) && slots.stream().anyMatch(slot -> Tags.in(s, plane.environment(), slot))) {
                cloud.delete(s.id());
                removed++;
            }
        }
        log.accept("replace failed: " + reason + "; deleted the " + removed + " new server(s), the old ones stay");
        return new Step.Failed(reason + "; deleted the " + removed + " new server(s), the old ones stay", quota);
    }
}
