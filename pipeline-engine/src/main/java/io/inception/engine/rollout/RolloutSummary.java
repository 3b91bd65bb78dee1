package io.inception.engine.rollout;

import io.inception.engine.model.ExecutionStatus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of a rollout's hosts by phase, for reports, progress and the stage's output. A rollout run as
 * one rollout per cell (a cluster's) is summed up by {@link #ofCells}: the counts are the cells' sums
 * and {@code cells} holds each cell's own summary.
 *
 * @param rolloutId the rollout; for a rollout of several cells their ids joined by {@code +}
 * @param status    its status
 * @param message   why it stopped, or empty
 * @param hosts     number of hosts
 * @param byPhase   hosts per phase
 * @param failed    names and messages of failed or rolled-back hosts
 * @param cells     the summary of each cell's rollout when it ran as one per cell, else empty
 */
public record RolloutSummary(String rolloutId, ExecutionStatus status, String message, int hosts,
                             Map<HostPhase, Integer> byPhase, List<String> failed, List<RolloutSummary> cells) {
    public RolloutSummary {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }

    /** The summary of one rollout. */
    public RolloutSummary(String rolloutId, ExecutionStatus status, String message, int hosts,
                          Map<HostPhase, Integer> byPhase, List<String> failed) {
        this(rolloutId, status, message, hosts, byPhase, failed, List.of());
    }

    public static RolloutSummary of(RolloutRecord r, List<HostRecord> hosts) {
        Map<HostPhase, Integer> counts = new EnumMap<>(HostPhase.class);
        for (HostRecord h : hosts) counts.merge(h.phase(), 1, Integer::sum);
        List<String> failed = hosts.stream().filter(h -> h.phase().isFailure())
                .map(h -> h.host().name() + " " + h.phase() + ": " + h.message()).toList();
        return new RolloutSummary(r.id(), r.status(), r.message(), hosts.size(), counts, failed);
    }

    /**
     * The rollouts of several cells as one: SUCCEEDED when every cell's did, else FAILED when one did not
     * succeed (the message names the cells that did not, with their rollouts); the counts summed.
     */
    public static RolloutSummary ofCells(Map<String, RolloutSummary> byCell) {
        Map<HostPhase, Integer> counts = new EnumMap<>(HostPhase.class);
        List<String> failed = new ArrayList<>();
        List<String> notSucceeded = new ArrayList<>();
        int hosts = 0;
        for (Map.Entry<String, RolloutSummary> cell : byCell.entrySet()) {
            RolloutSummary s = cell.getValue();
            s.byPhase().forEach((phase, n) -> counts.merge(phase, n, Integer::sum));
            failed.addAll(s.failed());
            hosts += s.hosts();
            if (s.status() != ExecutionStatus.SUCCEEDED) {
                notSucceeded.add("cell " + cell.getKey() + " rollout " + s.rolloutId() + " " + s.status() + (s.message().isEmpty() ? "" : ": " + s.message()));
            }
        }
        ExecutionStatus status = notSucceeded.isEmpty() ? ExecutionStatus.SUCCEEDED : ExecutionStatus.FAILED;
        String id = String.join("+", byCell.values().stream().map(RolloutSummary::rolloutId).toList());
        return new RolloutSummary(id, status, String.join("; ", notSucceeded), hosts, counts, failed,
                List.copyOf(byCell.values()));
    }

    /** The ids of the rollouts summed up here: this one, or each cell's. */
    public List<String> rolloutIds() {
        return cells.isEmpty() ? List.of(rolloutId) : cells.stream().map(RolloutSummary::rolloutId).toList();
    }

    public int count(HostPhase p) {
        return byPhase.getOrDefault(p, 0);
    }

    /** One line: {@code SUCCEEDED 200 hosts: 199 done, 1 rolled back, 0 failed}. */
    public String line() {
        int inFlight = byPhase.entrySet().stream().filter(e -> e.getKey().inFlight()).mapToInt(Map.Entry::getValue).sum();
        return status + " " + hosts + " hosts: " + count(HostPhase.DONE) + " done, " + count(HostPhase.ROLLED_BACK)
                + " rolled back, " + count(HostPhase.FAILED) + " failed, " + inFlight + " in flight, "
                + count(HostPhase.PENDING) + " pending" + (message.isEmpty() ? "" : " (" + message + ")");
    }
}
