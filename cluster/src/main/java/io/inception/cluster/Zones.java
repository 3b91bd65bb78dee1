package io.inception.cluster;

import io.inception.engine.model.ZoneName;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The zones a node can reach — compute cells ({@code c1}) or regions ({@code dfw}) — as it declares
 * them with {@code --zones c1,c2}. Work bound to a zone runs only on a node that lists it; work with no
 * zone runs on any node.
 *
 * @param names the zone names, in the order given
 */
public record Zones(Set<String> names) {
    public Zones {
        names = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(names));
        for (String n : names) {
            ZoneName.check(n).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }
    }

    /** Whether {@code name} may be a zone (a cell or region that could not be is never admitted). */
    public static boolean isValid(String name) {
        return ZoneName.check(name).isEmpty();
    }

    /** No zone: the node takes only work that has none. */
    public static Zones none() {
        return new Zones(Set.of());
    }

    /** Parses {@code c1,c2} (spaces around names are ignored; an empty text is no zone). */
    public static Zones parse(String text) {
        if (text == null || text.isBlank()) return none();
        return new Zones(new LinkedHashSet<>(Arrays.stream(text.split(",")).map(String::trim).toList()));
    }

    /** Whether work bound to {@code zone} (empty: no zone) may run on a node with these zones. */
    public boolean admits(Optional<String> zone) {
        return zone.isEmpty() || names.contains(zone.get());
    }

    /** {@code c1,c2}, as {@link #parse} reads it. */
    @Override
    public String toString() {
        return String.join(",", names);
    }
}
