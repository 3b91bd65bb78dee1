package io.inception.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The zone filter. db-scheduler claims by task name and knows no zones, so a zone is part of the
 * task name: work of kind {@code rollout-wave} bound to zone {@code c1} is the task
 * {@code rollout-wave@c1}, zone-less work is the bare kind. A node registers a handler only for the
 * names of its own zones (and the bare kinds); rows of any other name are unknown to it, and
 * db-scheduler's fetch leaves unknown task names unclaimed — so a node never claims, nor revives
 * after a death, work of a zone it does not reach. The filter thus lives in the claim query itself
 * rather than in a check after the claim, which would need an unclaim round-trip per foreign item.
 */
public final class TaskNames {
    private static final char SEPARATOR = '@';

    private TaskNames() {
    }

    /** The task name of work of {@code kind} bound to {@code zone} (or none). */
    public static String of(String kind, Optional<String> zone) {
        return zone.map(z -> kind + SEPARATOR + z).orElse(kind);
    }

    /** Every task name a node with {@code zones} claims for {@code kind}: the bare kind, then one per zone. */
    public static List<String> claimedBy(String kind, Zones zones) {
        List<String> names = new ArrayList<>();
        names.add(kind);
        for (String z : zones.names()) names.add(of(kind, Optional.of(z)));
        return names;
    }

    /** What the task names of {@code kind} bound to a zone begin with ({@code rollout-wave@}). */
    public static String zonedPrefix(String kind) {
        return kind + SEPARATOR;
    }

    /** The zone encoded in a task name, or empty for zone-less work. */
    public static Optional<String> zoneOf(String taskName) {
        int at = taskName.indexOf(SEPARATOR);
        return at < 0 ? Optional.empty() : Optional.of(taskName.substring(at + 1));
    }

    /** The kind encoded in a task name. */
    public static String kindOf(String taskName) {
        int at = taskName.indexOf(SEPARATOR);
        return at < 0 ? taskName : taskName.substring(0, at);
    }
}
