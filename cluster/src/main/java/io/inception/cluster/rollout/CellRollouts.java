package io.inception.cluster.rollout;

import io.inception.cluster.WorkItem;
import io.inception.cluster.WorkQueue;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.rollout.RolloutEngine;
import io.inception.engine.rollout.RolloutSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a rollout in a cluster: one rollout per compute cell (the engine plans each cell's hosts in
 * the spec's waves, so the failure budget and gates apply per cell, the way cells are run as
 * separate failure domains), and the first wave of each queued as {@code rollout-wave} work bound to
 * the cell's zone.
 */
public final class CellRollouts {
    private CellRollouts() {
    }

    /**
     * Plans and queues the rollout of {@code spec} over {@code hosts}.
     *
     * @param engine plans the per-cell rollouts (it is not run here)
     * @return the rollout id of each cell, in the hosts' cell order
     */
    public static Map<String, String> start(RolloutEngine engine, WorkQueue queue, RolloutSpec spec, List<HostTarget> hosts) {
        Map<String, List<HostTarget>> byCell = new LinkedHashMap<>();
        for (HostTarget h : hosts) byCell.computeIfAbsent(h.cell(), c -> new java.util.ArrayList<>()).add(h);
        Map<String, String> rollouts = new LinkedHashMap<>();
        for (Map.Entry<String, List<HostTarget>> cell : byCell.entrySet()) {
            String id = engine.plan(spec, cell.getValue());
            queue.submit(new WorkItem(RolloutWaveWork.KIND, Optional.of(cell.getKey()), id, "0"));
            rollouts.put(cell.getKey(), id);
        }
        return rollouts;
    }
}
