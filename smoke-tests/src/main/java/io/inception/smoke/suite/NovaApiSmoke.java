package io.inception.smoke.suite;

import io.inception.smoke.openstack.Nova;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compute API: its version document and its flavors. */
@Tag("smoke")
@Tag("api")
@ExtendWith(SmokeContext.class)
public class NovaApiSmoke {
    @Test
    @DisplayName("Nova's API is v2.1, CURRENT, and supports the microversion the suite uses")
    public void apiVersionSupportsTheSuitesMicroversion(SmokeSession session) {
        Nova.ApiVersion v = Allure.step("GET the compute endpoint's version document",
                () -> new Nova(session.cloud()).version());
        Allure.addAttachment("compute API version", v.toString());
        assertEquals("v2.1", v.id(), "compute API version id");
        assertEquals("CURRENT", v.status(), "compute API status");
        assertTrue(Microversions.atLeast(v.maxVersion(), Nova.MICROVERSION),
                "the compute API's maximum microversion " + v.maxVersion() + " is below " + Nova.MICROVERSION);
    }

    @Test
    @DisplayName("Nova lists flavors, each with RAM and vCPUs")
    public void flavorsAreListed(SmokeSession session) {
        List<Nova.Flavor> flavors = Allure.step("GET /flavors/detail", () -> new Nova(session.cloud()).flavors());
        Allure.addAttachment("flavors", String.join("\n", flavors.stream().map(Nova.Flavor::toString).toList()));
        assertFalse(flavors.isEmpty(), "Nova lists no flavors");
        for (Nova.Flavor f : flavors) {
            assertTrue(f.ramMb() > 0 && f.vcpus() > 0, "flavor " + f.name() + " has no RAM or no vCPUs: " + f);
        }
    }
}
