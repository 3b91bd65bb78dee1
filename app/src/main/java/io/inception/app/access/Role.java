package io.inception.app.access;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a user may do. Developers request labs and promotions and see everything; release managers also
 * promote and approve; admins manage users and environments. Promotion is kept from admins on purpose:
 * whoever hands out roles is not also the one who ships (separation of duties).
 */
public enum Role {
    DEVELOPER("developer", EnumSet.of(Permission.VIEW, Permission.REQUEST_LAB, Permission.REQUEST_PROMOTION,
            Permission.START_RUN)),
    RELEASE_MANAGER("release-manager", EnumSet.of(Permission.VIEW, Permission.REQUEST_LAB,
            Permission.REQUEST_PROMOTION, Permission.PROMOTE, Permission.START_RUN)),
    ADMIN("admin", EnumSet.of(Permission.VIEW, Permission.REQUEST_LAB, Permission.REQUEST_PROMOTION,
            Permission.MANAGE_USERS, Permission.MANAGE_ENVIRONMENTS));

    private final String label;
    private final Set<Permission> permissions;

    Role(String label, Set<Permission> permissions) {
        this.label = label;
        this.permissions = permissions;
    }

    /** The name users type and the store keeps: {@code developer}, {@code release-manager}, {@code admin}. */
    public String label() {
        return label;
    }

    public boolean may(Permission p) {
        return permissions.contains(p);
    }

    public static Optional<Role> parse(String label) {
        for (Role r : values()) if (r.label.equals(label)) return Optional.of(r);
        return Optional.empty();
    }
}
