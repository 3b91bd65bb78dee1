package io.inception.engine.rollout;

import io.inception.engine.fleet.CommandResult;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.RemoteCommand;
import io.inception.engine.fleet.SshFleet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * The steps on one host — drain, point apt at the snapshot, install, restart, verify, undrain —
 * and the rollback of a failed host. Every step is idempotent and the host's phase is stored before
 * each one, so a host found in flight after a crash is taken up again at its phase: a package
 * already at the target version is not installed again. One instance per host at a time (it keeps
 * the last error of that host).
 */
final class HostUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(HostUpgrade.class);
    private static final String INSTALLED = "install ok installed";

    private final SshFleet fleet;
    private final Drain drain;
    private final RolloutStore store;
    private final String rolloutId;
    private final RolloutSpec spec;
    private final Clock clock;

    HostUpgrade(SshFleet fleet, Drain drain, RolloutStore store, String rolloutId, RolloutSpec spec, Clock clock) {
        this.fleet = fleet;
        this.drain = drain;
        this.store = store;
        this.rolloutId = rolloutId;
        this.spec = spec;
        this.clock = clock;
    }

    /** Takes the host from its phase to DONE, or to ROLLED_BACK / FAILED. */
    HostRecord upgrade(HostRecord rec) {
        if (rec.phase() == HostPhase.ROLLING_BACK) return rollback(rec, rec.message());
        HostTarget host = rec.host();
        if (rec.previousVersion() == null) {
            Optional<Installed> before = query(host);
            if (before.isEmpty()) return move(rec, HostPhase.FAILED, "read installed version: " + lastError);
            rec = rec.withPreviousVersion(before.get().version());
        }
        HostPhase from = rec.phase();
        if (from == HostPhase.PENDING || from == HostPhase.DRAINING) {
            rec = move(rec, HostPhase.DRAINING, "");
            StepResult drained = drain.drain(host, "inception rollout " + rolloutId);
            if (!drained.ok()) {
                drain.undrain(host);
                return move(rec, HostPhase.FAILED, "drain: " + drained.detail());
            }
        }
        if (from.ordinal() <= HostPhase.UPGRADING.ordinal()) {
            rec = move(rec, HostPhase.UPGRADING, "");
            String failure = install(host, spec.version());
            if (failure != null) return rollback(move(rec, HostPhase.FAILED, failure), failure);
        }
        if (from.ordinal() <= HostPhase.VERIFYING.ordinal()) {
            rec = move(rec, HostPhase.VERIFYING, "");
            String failure = verify(host, spec.version());
            if (failure != null) return rollback(move(rec, HostPhase.FAILED, failure), failure);
        }
        rec = move(rec, HostPhase.UNDRAINING, "");
        StepResult undrained = drain.undrain(host);
        if (!undrained.ok()) return move(rec, HostPhase.FAILED, "undrain: " + undrained.detail());
        fleet.release(host);
        return move(rec, HostPhase.DONE, "");
    }

    /** Puts the host back on its previous version (and in scheduling unless the policy says otherwise). */
    HostRecord rollback(HostRecord rec, String reason) {
        HostTarget host = rec.host();
        String why = reason == null || reason.isEmpty() ? "rollback requested" : reason;
        if (rec.previousVersion() == null) return move(rec, HostPhase.FAILED, why + "; no previous version to roll back to");
        rec = move(rec, HostPhase.ROLLING_BACK, why);
        String failure = install(host, rec.previousVersion());
        if (failure == null) failure = verify(host, rec.previousVersion());
        if (failure != null) return move(rec, HostPhase.FAILED, why + "; rollback failed: " + failure);
        if (!spec.leaveFailedDrained()) drain.undrain(host);
        fleet.release(host);
        LOG.info("{} rolled back to {}", host.name(), rec.previousVersion());
        return move(rec, HostPhase.ROLLED_BACK, why + "; rolled back to " + rec.previousVersion());
    }

    private HostRecord move(HostRecord rec, HostPhase phase, String message) {
        HostRecord next = rec.withPhase(phase, message, clock.instant());
        store.update(rolloutId, next);
        LOG.debug("{} -> {} {}", rec.host().name(), phase, message);
        return next;
    }

    /** Returns null on success, or what failed. */
    private String install(HostTarget host, String version) {
        CommandResult apt = exec(host, HostCommands.pointApt(spec.aptSource()));
        if (!apt.ok()) return "apt-get update: " + apt.describe();
        Optional<Installed> now = query(host);
        if (now.isEmpty()) return "read installed version: " + lastError;
        if (!now.get().version().equals(version) || !now.get().status().equals(INSTALLED)) {
            CommandResult r = exec(host, HostCommands.install(spec.packageName(), version));
            if (!r.ok()) return "apt-get install " + spec.packageName() + "=" + version + ": " + r.describe();
        } else {
            LOG.info("{} already has {} {}; not installing again", host.name(), spec.packageName(), version);
        }
        CommandResult restart = exec(host, HostCommands.restart(spec.packageName()));
        return restart.ok() ? null : "systemctl restart: " + restart.describe();
    }

    private String verify(HostTarget host, String version) {
        Optional<Installed> now = query(host);
        if (now.isEmpty()) return "verify: " + lastError;
        if (!now.get().status().equals(INSTALLED) || !now.get().version().equals(version)) {
            return "verify: " + spec.packageName() + " is " + now.get().version() + " (" + now.get().status()
                    + "), expected " + version;
        }
        CommandResult active = exec(host, HostCommands.isActive(spec.packageName()));
        return active.ok() ? null : "verify: service " + spec.packageName() + " is not active (" + active.describe() + ")";
    }

    private record Installed(String status, String version) {
    }

    private volatile String lastError = "";

    private Optional<Installed> query(HostTarget host) {
        CommandResult r = exec(host, HostCommands.query(spec.packageName()));
        if (r instanceof CommandResult.Completed c && c.ok() && c.stdout().contains("|")) {
            String[] parts = c.stdout().trim().split("\\|", 2);
            return Optional.of(new Installed(parts[0], parts[1]));
        }
        lastError = r.describe();
        return Optional.empty();
    }

    private CommandResult exec(HostTarget host, RemoteCommand command) {
        return fleet.exec(host, command, spec.commandTimeout());
    }
}
