package io.inception.inova.watch;

import io.inception.engine.stage.CheckpointStore;
import io.inception.inova.cloud.CloudException;
import io.inception.inova.cloud.CloudServer;
import io.inception.inova.cloud.ServerStatus;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.inova.provision.ControlPlane;
import io.inception.inova.provision.HealthCheck;
import io.inception.inova.provision.MemoryCheckpoints;
import io.inception.inova.provision.Provisioner;
import io.inception.inova.provision.Slot;
import io.inception.inova.provision.Step;
import io.inception.inova.provision.Tags;
import io.inception.inova.stage.ControlPlaneTargets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Repairs control planes without being asked: each {@link #tick} looks at every watched
 * environment's control VMs, deletes a dead one (ERROR, SHUTOFF, or failing its role's health
 * check), records an audit entry, and lets the provisioner launch its replacement (later ticks
 * follow the boot). An environment with {@code control-plane.watch: false} is left alone.
 * {@code inception server} calls {@code tick()} on a schedule.
 */
public final class ControlPlaneWatcher {
    private final Supplier<List<ControlPlaneTargets.Target>> targets;
    private final ControlPlaneRecords records;
    private final HealthCheck health;
    private final Clock clock;
    private final Map<String, CheckpointStore> repairs = new ConcurrentHashMap<>();

    public ControlPlaneWatcher(Supplier<List<ControlPlaneTargets.Target>> targets, ControlPlaneRecords records,
                               HealthCheck health, Clock clock) {
        this.targets = targets;
        this.records = records;
        this.health = health;
        this.clock = clock;
    }

    /**
     * What one tick did to one server.
     *
     * @param environment the environment
     * @param server      the server that was dead
     * @param reason      why it counted as dead
     */
    public record Repair(String environment, String server, String reason) {
    }

    /** One look at every watched environment; returns the servers it replaced. */
    public synchronized List<Repair> tick() {
        List<Repair> out = new ArrayList<>();
        for (ControlPlaneTargets.Target target : targets.get()) {
            ControlPlane plane = target.plane();
            if (!plane.spec().watch()) continue;
            String env = plane.environment();
            try {
                Provisioner provisioner = new Provisioner(target.cloud(), clock, line -> records.event(env, "watcher", line));
                List<CloudServer> servers = provisioner.servers(plane);
                for (Slot slot : plane.slots()) {
                    for (CloudServer s : servers) {
                        if (!inSlot(s, slot) || s.goingAway() || s.status() == ServerStatus.BUILD) continue;
                        Optional<String> dead = dead(slot, s);
                        if (dead.isEmpty()) continue;
                        target.cloud().delete(s.id());
                        records.event(env, "watcher-replace", "watcher: " + s.name() + " (" + slot.label() + ") was "
                                + dead.get() + "; deleted it and launching a replacement");
                        out.add(new Repair(env, s.name(), dead.get()));
                    }
                }
                CheckpointStore state = repairs.computeIfAbsent(env, e -> new MemoryCheckpoints());
                Step step = provisioner.step(plane, "watcher", state);
                if (step instanceof Step.Done done) {
                    repairs.remove(env);
                    if (done.created() > 0 || !out.isEmpty()) records.servers(env, done.servers());
                } else if (step instanceof Step.Failed failed) {
                    repairs.remove(env);
                    records.event(env, "watcher", "watcher: repair failed: " + failed.reason());
                }
            } catch (CloudException e) {
                records.event(env, "watcher", "watcher: cannot check the control plane: " + e.getMessage());
            }
        }
        return out;
    }

    private static boolean inSlot(CloudServer s, Slot slot) {
        return s.meta(Tags.CELL).filter(slot.cell()::equals).isPresent()
                && s.meta(Tags.ROLE).filter(slot.role().name()::equals).isPresent();
    }

    private Optional<String> dead(Slot slot, CloudServer s) {
        if (s.status() == ServerStatus.ERROR) return Optional.of("in ERROR" + s.fault().map(f -> " (" + f + ")").orElse(""));
        if (s.status() == ServerStatus.SHUTOFF) return Optional.of("SHUTOFF");
        return health.problem(slot, s).map(p -> "unhealthy: " + p);
    }
}
