package io.inception.engine.rollout;

import io.inception.engine.model.ExecutionStatus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of a rollout's hosts by phase, for reports, progress and the stage's output.
 *
 * @param rolloutId the rollout
 * @param status    its status
 * @param message   why it stopped, or empty
 * @param hosts     number of hosts
 * @param byPhase   hosts per phase
 * @param failed    names and messages of failed or rolled-back hosts
 */
public record RolloutSummary(String rolloutId, ExecutionStatus status, String message, int hosts,
                             Map<HostPhase, Integer> byPhase, List<String> failed) {
    public static RolloutSummary of(RolloutRecord r, List<HostRecord> hosts) {
        Map<HostPhase, Integer> counts = new EnumMap<>(HostPhase.class);
        for (HostRecord h : hosts) counts.merge(h.phase(), 1, Integer::sum);
        List<String> failed = hosts.stream().filter(h -> h.phase().isFailure())
                .map(h -> h.host().name() + " " + h.phase() + ": " + h.message()).toList();
        return new RolloutSummary(r.id(), r.status(), r.message(), hosts.size(), counts, failed);
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
