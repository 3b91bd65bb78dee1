package io.inception.engine.rollout;

import io.inception.engine.fleet.CommandResult;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.RemoteCommand;
import io.inception.engine.fleet.SshFleet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The steps on one host — drain, point apt at the snapshot, install, restart, verify, undrain —
 * and the rollback of a failed host. Every step is idempotent and the host's phase is stored before
 * each SSH round trip, so a host found in flight after a crash is taken up again at its phase (apt
 * leaves a package already at the target version alone). A host costs two round trips: reading the
 * installed version (stored before anything changes, for the rollback), then one script for the
 * steps after the drain ({@link HostCommands#upgrade}); a host resumed in VERIFYING gets the verify
 * script alone. One instance per host at a time.
 */
final class HostUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(HostUpgrade.class);

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
            CommandResult r = exec(host, HostCommands.query(spec.packageName()));
            String[] parts = r instanceof CommandResult.Completed c && c.ok() && c.stdout().contains("|")
                    ? c.stdout().trim().split("\\|", 2) : null;
            if (parts == null) return move(rec, HostPhase.FAILED, "read installed version: " + r.describe());
            rec = rec.withPreviousVersion(parts[1]);
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
        if (from.ordinal() <= HostPhase.VERIFYING.ordinal()) {
            boolean install = from.ordinal() <= HostPhase.UPGRADING.ordinal();
            rec = move(rec, install ? HostPhase.UPGRADING : HostPhase.VERIFYING, "");
            ScriptReport report = ScriptReport.of(exec(host, install
                    ? HostCommands.upgrade(spec.packageName(), spec.version(), spec.sourceLines(), spec.health())
                    : HostCommands.verify(spec.packageName(), spec.health())));
            String failure = report.failure(spec.packageName(), spec.version());
            if (install && (failure == null || report.reachedVerify())) rec = move(rec, HostPhase.VERIFYING, "");
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
        // the health command is the new build's check: the rollback verifies package and service only
        String failure = ScriptReport.of(exec(host, HostCommands.upgrade(spec.packageName(), rec.previousVersion(),
                spec.sourceLines(), java.util.Optional.empty()))).failure(spec.packageName(), rec.previousVersion());
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

    private CommandResult exec(HostTarget host, RemoteCommand command) {
        return fleet.exec(host, command, spec.commandTimeout());
    }
}
