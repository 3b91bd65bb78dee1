package io.inception.inova.provision;

import io.inception.inova.cloud.CloudServer;

import java.util.Map;

/** The metadata Inception puts on every server it makes; how it finds its servers again. */
public final class Tags {
    public static final String ENV = "inception:env";
    public static final String ROLE = "inception:role";
    public static final String CELL = "inception:cell";
    public static final String BUILD = "inception:build";
    /** The anti-affinity server group a server was booted in (blue/green generations use two). */
    public static final String GROUP = "inception:group";

    private Tags() {
    }

    static Map<String, String> of(String env, Slot slot, String build, String group) {
        Map<String, String> m = new java.util.LinkedHashMap<>(Map.of(ENV, env, ROLE, slot.role().name(),
                CELL, slot.cell(), BUILD, build));
        if (group != null) m.put(GROUP, group);
        return m;
    }

    /** Whether Inception made the server (it carries an environment tag). */
    public static boolean managed(CloudServer s) {
        return s.meta(ENV).isPresent();
    }

    /** Whether {@code s} belongs to {@code slot} of {@code env}. */
    static boolean in(CloudServer s, String env, Slot slot) {
        return s.meta(ENV).filter(env::equals).isPresent() && s.meta(CELL).filter(slot.cell()::equals).isPresent()
                && s.meta(ROLE).filter(slot.role().name()::equals).isPresent();
    }
}
