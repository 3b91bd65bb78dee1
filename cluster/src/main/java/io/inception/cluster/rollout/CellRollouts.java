package io.inception.cluster.rollout;

import io.inception.cluster.CellRegions;
import io.inception.cluster.WorkItem;
import io.inception.cluster.WorkQueue;
import io.inception.engine.config.Cell;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.rollout.RolloutEngine;
import io.inception.engine.rollout.RolloutSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        Map<String, String> rollouts = new LinkedHashMap<>();
        for (Map.Entry<String, List<HostTarget>> cell : byCell(hosts).entrySet()) {
            String id = engine.plan(spec, cell.getValue());
            queue.submit(firstWave(cell.getKey(), id, Optional.empty()));
            rollouts.put(cell.getKey(), id);
        }
        return rollouts;
    }

    /** The hosts of each cell, in the hosts' cell order. */
    static Map<String, List<HostTarget>> byCell(List<HostTarget> hosts) {
        Map<String, List<HostTarget>> byCell = new LinkedHashMap<>();
        for (HostTarget h : hosts) byCell.computeIfAbsent(h.cell(), c -> new ArrayList<>()).add(h);
        return byCell;
    }

    /** The item of the first wave of cell {@code cell}'s rollout {@code id}, bound to the cell's zone. */
    static WorkItem firstWave(String cell, String id, Optional<String> run) {
        return new WorkItem(RolloutWaveWork.KIND, Optional.of(cell), id, new WaveProgress(0, run).data());
    }

    /**
     * Publishes the region of each of {@code file}'s cells (and that the others have none), so that
     * nodes listing a region claim its cells' waves. Call it before queueing the cells' work.
     */
    public static void publishRegions(CellRegions regions, EnvironmentFile file, Instant now) {
        Map<String, String> regionByCell = new LinkedHashMap<>();
        Set<String> without = new LinkedHashSet<>();
        for (Cell c : file.cells()) {
            if (c.region().isPresent()) regionByCell.put(c.name(), c.region().get());
            else without.add(c.name());
        }
        regions.publish(file.name(), regionByCell, without, now);
    }
}
