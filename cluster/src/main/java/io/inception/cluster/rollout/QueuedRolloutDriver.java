package io.inception.cluster.rollout;

import io.inception.cluster.CellRegions;
import io.inception.cluster.WorkQueue;
import io.inception.cluster.Zones;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.rollout.Drain;
import io.inception.engine.rollout.RolloutDriver;
import io.inception.engine.rollout.RolloutEngine;
import io.inception.engine.rollout.RolloutRecord;
import io.inception.engine.rollout.RolloutSpec;
import io.inception.engine.rollout.RolloutStore;
import io.inception.engine.rollout.RolloutSummary;
import io.inception.engine.rollout.RolloutTargets;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code rollout} stage of a cluster node: one rollout per compute cell, each cell's waves queued as
 * {@code rollout-wave} work for the nodes of the cell's zone (or of its region), while the stage only
 * watches. Planning is idempotent across {@code kill -9}: each cell's rollout id is chosen and stored as
 * the checkpoint {@code rollout-id@<cell>} <em>before</em> the rollout is planned under it, so a stage
 * called again (on this node or, after failover, another) finds every planned rollout and never plans a
 * cell twice; {@code queued} marks that every cell is planned and queued. The stage then polls the
 * cells' rollouts in the store until all are complete: it succeeds with their sum
 * ({@link RolloutSummary#ofCells}, each cell's summary in {@code cells}) when every cell's succeeded, and
 * fails naming the cells that did not. A run that ends while its cells still roll out (cancelled, timed
 * out) cancels them: the wave work sees the run complete ({@link RolloutWaveWork}). Manual gates are
 * approved per cell rollout ({@code inception rollout approve <id>}), as for any rollout.
 */
public final class QueuedRolloutDriver implements RolloutDriver {
    static final String CELLS = "cells";
    static final String ROLLOUT_OF = "rollout-id@";
    static final String QUEUED = "queued";

    private final RolloutStore store;
    private final WorkQueue queue;
    private final CellRegions regions;
    private final Clock clock;
    private final IdGenerator ids;
    private final Duration poll;

    /**
     * @param poll how often the stage looks at the cells' rollouts
     */
    public QueuedRolloutDriver(RolloutStore store, WorkQueue queue, CellRegions regions, Clock clock, IdGenerator ids,
                               Duration poll) {
        this.store = store;
        this.queue = queue;
        this.regions = regions;
        this.clock = clock;
        this.ids = ids;
        this.poll = poll;
    }

    @Override
    public StageResult drive(StageContext context, RolloutTargets.Fleet fleet, Drain drain, Supplier<Plan> plan) {
        if (context.checkpoints().get(QUEUED).isEmpty()) {
            context.cancellation().throwIfCancelled();
            Optional<StageResult> refused = planAndQueue(context, fleet, drain, plan);
            if (refused.isPresent()) return refused.get();
        }
        Map<String, RolloutSummary> byCell = new LinkedHashMap<>();
        for (Map.Entry<String, String> cell : rollouts(context).entrySet()) {
            RolloutRecord r = store.find(cell.getValue()).orElseThrow(() -> new IllegalStateException(
                    "rollout " + cell.getValue() + " of cell " + cell.getKey() + " is not in the store"));
            byCell.put(cell.getKey(), RolloutSummary.of(r, store.hosts(r.id())));
        }
        if (!byCell.values().stream().allMatch(s -> s.status().isComplete())) {
            context.cancellation().throwIfCancelled();
            return StageResult.waiting(poll, progress(byCell));
        }
        RolloutSummary total = RolloutSummary.ofCells(byCell);
        byCell.forEach((cell, s) -> context.log().info("cell " + cell + ": rollout " + s.rolloutId() + " " + s.line()));
        total.failed().forEach(f -> context.log().warn(f));
        String line = total.line() + " in " + byCell.size() + " cells";
        if (total.status() == ExecutionStatus.SUCCEEDED) return StageResult.succeeded(line, total);
        return StageResult.Failed.permanent("rollout " + total.rolloutId() + ": " + line);
    }

    /** Plans what is not planned yet (under ids checkpointed first) and queues each cell's first wave. */
    private Optional<StageResult> planAndQueue(StageContext context, RolloutTargets.Fleet fleet, Drain drain,
                                               Supplier<Plan> plan) {
        Map<String, List<HostTarget>> byCell = CellRollouts.byCell(fleet.hosts());
        for (String cell : byCell.keySet()) {
            if (!Zones.isValid(cell)) {
                return Optional.of(StageResult.Failed.permanent("rollout: cell '" + cell + "' cannot be a cluster zone:"
                        + " use letters, digits, '.', '_' and '-' in cell names"));
            }
        }
        context.checkpoints().put(CELLS, String.join(",", byCell.keySet()));
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String cell : byCell.keySet()) {
            String key = ROLLOUT_OF + cell;
            String id = context.checkpoints().get(key).orElse(null);
            if (id == null) {
                id = ids.next("ro");
                context.checkpoints().put(key, id);
            }
            chosen.put(cell, id);
        }
        RolloutSpec spec = null;
        if (chosen.values().stream().anyMatch(id -> store.find(id).isEmpty())) {
            Plan p = plan.get(); // before anything is planned or queued: a refusal leaves no cell rolling out
            if (p instanceof Plan.Refused refused) return Optional.of(StageResult.Failed.permanent("rollout: " + refused.reason()));
            spec = ((Plan.Ready) p).spec();
        }
        fleet.environment().ifPresent(file -> CellRollouts.publishRegions(regions, file, clock.instant()));
        for (Map.Entry<String, List<HostTarget>> cell : byCell.entrySet()) {
            String id = chosen.get(cell.getKey());
            if (store.find(id).isEmpty()) {
                new RolloutEngine(store, null, drain, clock, kind -> id).plan(spec, cell.getValue());
                context.log().info("rollout " + id + " of cell " + cell.getKey() + " planned: " + cell.getValue().size()
                        + " hosts, version " + spec.version() + "; its waves are queued for zone " + cell.getKey());
            }
            if (!store.find(id).orElseThrow().status().isComplete()) {
                queue.submit(CellRollouts.firstWave(cell.getKey(), id, Optional.of(context.runId())));
            }
        }
        context.checkpoints().put(QUEUED, "true");
        return Optional.empty();
    }

    /** Each cell's rollout id, from the checkpoints, in cell order. */
    static Map<String, String> rollouts(StageContext context) {
        Map<String, String> byCell = new LinkedHashMap<>();
        for (String cell : context.checkpoints().get(CELLS).orElse("").split(",")) {
            if (!cell.isEmpty()) byCell.put(cell, context.checkpoints().get(ROLLOUT_OF + cell).orElseThrow());
        }
        return byCell;
    }

    private static String progress(Map<String, RolloutSummary> byCell) {
        StringBuilder b = new StringBuilder();
        byCell.forEach((cell, s) -> b.append(b.isEmpty() ? "" : "; ").append(cell).append(' ').append(s.rolloutId())
                .append(": ").append(s.line()));
        return b.toString();
    }
}
