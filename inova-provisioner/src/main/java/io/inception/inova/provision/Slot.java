package io.inception.inova.provision;

import io.inception.inova.spec.RoleSpec;

/**
 * One role in one cell: the unit the provisioner counts servers in.
 *
 * @param cell {@code api} or a compute cell's name
 * @param role the role
 */
public record Slot(String cell, RoleSpec role) {
    /** {@code c1/scheduler}. */
    public String label() {
        return cell + "/" + role.name();
    }

    /** {@code <env>-<cell>-<role>-<n>}. */
    public String serverName(String env, int ordinal) {
        return prefix(env) + ordinal;
    }

    /** {@code <env>-<cell>-<role>-}. */
    public String prefix(String env) {
        return env + "-" + cell + "-" + role.name() + "-";
    }

    /** The ordinal in a server name of this slot, or -1. */
    public int ordinal(String env, String serverName) {
        String p = prefix(env);
        if (!serverName.startsWith(p)) return -1;
        try {
            return Integer.parseInt(serverName.substring(p.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
