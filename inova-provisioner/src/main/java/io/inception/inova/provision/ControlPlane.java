package io.inception.inova.provision;

import io.inception.inova.spec.ControlPlaneSpec;
import io.inception.inova.spec.RoleSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The control plane an environment should have: its spec applied to the API cell and to every
 * compute cell (those of the environment file and those added with {@code env add-cell}), with the
 * role counts set by {@code env scale}.
 *
 * @param environment the environment's name
 * @param spec        the {@code control-plane:} section
 * @param cells       the compute cells, in order
 * @param counts      role counts set by scale, by {@code cell/role}
 */
public record ControlPlane(String environment, ControlPlaneSpec spec, List<String> cells, Map<String, Integer> counts) {
    public ControlPlane {
        cells = List.copyOf(cells);
        counts = Map.copyOf(counts);
    }

    /** Every slot, the API cell first. */
    public List<Slot> slots() {
        List<Slot> out = new ArrayList<>();
        for (RoleSpec r : spec.apiRoles()) out.add(slot(ControlPlaneSpec.API_CELL, r));
        for (String cell : cells) for (RoleSpec r : spec.cellRoles()) out.add(slot(cell, r));
        return out;
    }

    /** The slots of one role ({@code cell} null for every cell that has it). */
    public List<Slot> slots(String role, String cell) {
        return slots().stream().filter(s -> s.role().name().equals(role) && (cell == null || s.cell().equals(cell))).toList();
    }

    private Slot slot(String cell, RoleSpec role) {
        Integer n = counts.get(cell + "/" + role.name());
        return new Slot(cell, n == null ? role : role.withCount(n));
    }

    /** The server name prefix of this environment. */
    public String prefix() {
        return environment + "-";
    }
}
