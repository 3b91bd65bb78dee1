package io.inception.smoke.suite;

import io.inception.smoke.deployed.DeployedEnvironment;
import io.inception.smoke.openstack.OpenStackSession;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identity: the environment's Keystone issues a project-scoped token with a usable catalog. */
@Tag("smoke")
@Tag("api")
@Tag("labs")
@ExtendWith(SmokeContext.class)
public class KeystoneSmoke {
    @Test
    @DisplayName("Keystone issues a project-scoped token whose catalog lists compute and image")
    public void issuesAProjectScopedToken(SmokeSession session, DeployedEnvironment env) {
        OpenStackSession login = Allure.step("POST " + env.cloud().identityV3() + "/auth/tokens as "
                + env.cloud().username() + " in project " + env.cloud().project(),
                () -> OpenStackSession.login(session.http(), env.cloud()));
        Allure.step("the token is not empty and not yet expired", () -> {
            assertFalse(login.token().reveal().isBlank(), "Keystone answered an empty X-Subject-Token");
            assertTrue(login.expiresAt().isAfter(session.clock().instant()),
                    "the token expires at " + login.expiresAt() + ", before now");
        });
        Allure.step("the catalog has public compute and image endpoints", () -> {
            assertTrue(login.serviceTypes().contains("compute"), "no compute endpoint in the catalog: " + login.serviceTypes());
            assertTrue(login.serviceTypes().contains("image"), "no image endpoint in the catalog: " + login.serviceTypes());
        });
    }
}
