package io.inception.engine.rollout;

import io.inception.engine.config.Quantity;
import io.inception.engine.fleet.HostTarget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits hosts into waves: cells ordered per {@link CellOrder}, batch sizes per the wave list. */
public final class WavePlan {
    private WavePlan() {
    }

    /** The hosts of each wave, in order. */
    public static List<List<HostTarget>> plan(List<HostTarget> hosts, List<Quantity> waves, CellOrder order) {
        List<HostTarget> ordered = order(hosts, order);
        List<List<HostTarget>> plan = new ArrayList<>();
        int next = 0;
        int total = ordered.size();
        for (int i = 0; next < total; i++) {
            Quantity size = waves.get(Math.min(i, waves.size() - 1));
            int n = Math.max(1, size.of(total, total - next));
            plan.add(List.copyOf(ordered.subList(next, next + n)));
            next += n;
        }
        return plan;
    }

    static List<HostTarget> order(List<HostTarget> hosts, CellOrder order) {
        if (order == CellOrder.ONE_AT_A_TIME) {
            Map<String, List<HostTarget>> byCell = byCell(hosts);
            return byCell.values().stream().flatMap(List::stream).toList();
        }
        List<List<HostTarget>> cells = new ArrayList<>(byCell(hosts).values());
        List<HostTarget> interleaved = new ArrayList<>();
        for (int i = 0; interleaved.size() < hosts.size(); i++) {
            for (List<HostTarget> cell : cells) if (i < cell.size()) interleaved.add(cell.get(i));
        }
        return interleaved;
    }

    private static Map<String, List<HostTarget>> byCell(List<HostTarget> hosts) {
        Map<String, List<HostTarget>> byCell = new LinkedHashMap<>();
        for (HostTarget h : hosts) byCell.computeIfAbsent(h.cell(), c -> new ArrayList<>()).add(h);
        return byCell;
    }
}
