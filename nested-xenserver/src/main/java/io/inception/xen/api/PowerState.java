package io.inception.xen.api;

/** {@code vm_power_state} of the XenAPI data model. */
public enum PowerState {
    HALTED, PAUSED, RUNNING, SUSPENDED, UNKNOWN;

    static PowerState of(Object wire) {
        try {
            return valueOf(String.valueOf(wire).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** The spelling on the wire, e.g. {@code Running}. */
    public String wire() {
        String n = name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
