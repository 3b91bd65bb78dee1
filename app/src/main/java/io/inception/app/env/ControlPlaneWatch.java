package io.inception.app.env;

import io.inception.app.access.AuditTrail;
import io.inception.engine.pipeline.PipelineRepository;
import io.inception.engine.store.Store;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.inova.environment.Credentials;
import io.inception.inova.environment.InovaConnector;
import io.inception.inova.provision.HealthCheck;
import io.inception.inova.stage.ControlPlaneTargets;
import io.inception.inova.watch.ControlPlaneWatcher;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code inception server}'s control-plane watcher: every environment of the config repository with a
 * provisioned {@code control-plane:} (unless its section says {@code watch: false}) is looked at on a schedule, a dead
 * control VM is replaced, and each repair is written to the audit log (actor {@code watcher}) as well as to
 * the environment's events.
 */
public final class ControlPlaneWatch {
    /** The audit action of a repair. */
    public static final String ACTION = "control-plane.repair";
    /** The watcher's name as a cluster sweep (one node of a cluster at a time). */
    public static final String SWEEP = "control-plane-watch";

    private ControlPlaneWatch() {
    }

    /**
     * The watcher over the environments of {@code repository} at {@code ref} that have a provisioned control plane
     * (stored servers: one never provisioned has nothing to repair, and its cloud is not logged in to), logging in
     * with their credentials.
     */
    public static ControlPlaneWatcher watcher(Store store, String repository, String ref, Clock clock) {
        ControlPlaneRecords records = new ControlPlaneRecords(store.environmentResources());
        EnvironmentControlPlanes planes = new EnvironmentControlPlanes(repository, ref, records,
                new InovaConnector(Credentials.system(), Optional.empty(), clock));
        return new ControlPlaneWatcher(() -> provisioned(planes, records, repository, ref), records,
                HealthCheck.STANDARD, clock);
    }

    private static List<ControlPlaneTargets.Target> provisioned(EnvironmentControlPlanes planes,
                                                               ControlPlaneRecords records, String repository, String ref) {
        List<String> names;
        try (PipelineRepository repo = PipelineRepository.open(repository)) {
            names = repo.at(ref).environmentNames();
        }
        List<ControlPlaneTargets.Target> out = new ArrayList<>();
        for (String env : names) {
            if (records.servers(env).isEmpty()) continue;
            try {
                out.add(planes.forEnvironment(env));
            } catch (RuntimeException e) {
                records.event(env, "watcher", "watcher: cannot reach the control plane: " + e.getMessage());
            }
        }
        return out;
    }

    /** Ticks {@code tick} every {@code every} on {@code ticks}; a zero period leaves it off. */
    public static void start(ScheduledExecutorService ticks, Supplier<List<ControlPlaneWatcher.Repair>> tick,
                             AuditTrail audit, Duration every, PrintStream out) {
        if (every.isZero()) {
            out.println("inception server: control-plane watcher off");
            return;
        }
        ticks.scheduleWithFixedDelay(() -> tickOnce(tick, audit, out), every.toSeconds(), every.toSeconds(),
                TimeUnit.SECONDS);
        out.println("inception server: control-plane watcher every " + every.toSeconds() + " s");
    }

    /** One tick: every repair is audited and printed; a failing tick is printed, the next one tries again. */
    public static List<ControlPlaneWatcher.Repair> tickOnce(Supplier<List<ControlPlaneWatcher.Repair>> tick,
                                                             AuditTrail audit, PrintStream out) {
        try {
            List<ControlPlaneWatcher.Repair> repairs = tick.get();
            for (ControlPlaneWatcher.Repair r : repairs) {
                audit.record("watcher", "inception-server", ACTION, r.environment() + "/" + r.server(), AuditTrail.ALLOWED,
                        r.server() + " was " + r.reason() + "; deleted it and launched a replacement");
                out.println("control-plane watcher: " + r.environment() + ": replaced " + r.server() + " (" + r.reason() + ")");
            }
            return repairs;
        } catch (RuntimeException e) {
            out.println("control-plane watcher: " + e.getMessage());
            return List.of();
        }
    }
}
