package io.inception.inova.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.inception.inova.cloud.CloudException;

/**
 * Compute microversion negotiation. Inception asks for {@link #WANTED}; it needs at least
 * {@link #MINIMUM} (2.53: services by UUID; 2.37 already gives {@code networks: "none"}, as iNova
 * has no Neutron). A Nova whose range stops lower is refused with a message naming both.
 */
final class Microversion {
    static final String WANTED = "2.60";
    static final String MINIMUM = "2.53";

    private Microversion() {
    }

    /** The version to use given Nova's version document ({@code {"version": {"version": max, "min_version": min}}}). */
    static String negotiate(JsonNode versionDocument) {
        JsonNode v = versionDocument.path("version");
        String max = v.path("version").asText("");
        String min = v.path("min_version").asText("");
        if (max.isEmpty()) {
            throw new CloudException("iNova Compute does not advertise microversions (no version.version in its version "
                    + "document); Inception needs compute " + MINIMUM + " or later", 0, false);
        }
        if (compare(max, MINIMUM) < 0) {
            throw new CloudException("iNova Compute supports microversions " + min + " to " + max + "; Inception needs "
                    + MINIMUM + " or later (services by id, networks \"none\")", 0, false);
        }
        String chosen = compare(max, WANTED) < 0 ? max : WANTED;
        if (!min.isEmpty() && compare(chosen, min) < 0) {
            throw new CloudException("iNova Compute's microversions start at " + min + "; Inception speaks " + WANTED, 0, false);
        }
        return chosen;
    }

    /** Compares "2.53" and "2.60" numerically (major, then minor). */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        if (major != 0) return major;
        return Integer.compare(x.length > 1 ? Integer.parseInt(x[1]) : 0, y.length > 1 ? Integer.parseInt(y[1]) : 0);
    }
}
