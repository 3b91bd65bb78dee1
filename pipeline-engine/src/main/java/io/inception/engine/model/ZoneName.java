package io.inception.engine.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for zone names — a compute cell ({@code c1}) or a region ({@code dfw}) that cluster
 * nodes declare they reach and that work (a cell's rollout wave, a zoned stage) is bound to.
 */
public final class ZoneName {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private ZoneName() {
    }

    /** Empty when {@code name} is a valid zone name, else what is wrong with it. */
    public static Optional<String> check(String name) {
        if (name != null && NAME.matcher(name).matches()) return Optional.empty();
        return Optional.of("invalid zone name '" + name + "': letters, digits, '.', '_' and '-', starting with a"
                + " letter or digit, at most 63 characters");
    }
}
