package io.inception.smoke.suite;

import io.inception.smoke.deployed.DeployedEnvironment;
import io.inception.smoke.openstack.Glance;
import io.inception.smoke.openstack.Nova;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The cloud works end to end: a server boots to ACTIVE and is deleted again. */
@Tag("smoke")
@Tag("compute")
@Tag("labs")
@ExtendWith(SmokeContext.class)
public class ServerLifecycleSmoke {
    @Test
    @DisplayName("A server boots to ACTIVE (networks: none) and is deleted")
    public void bootsAndDeletesAServer(SmokeSession session, DeployedEnvironment env) {
        Nova nova = new Nova(session.cloud());
        Nova.Flavor flavor = Allure.step("choose a flavor", () -> flavor(nova.flavors(), env));
        Glance.Image image = Allure.step("choose an image", () -> image(new Glance(session.cloud()).images(), env));
        String name = "inception-smoke-" + env.name() + "-" + session.clock().millis();
        String id = Allure.step("boot " + name + " (flavor " + flavor.name() + ", image " + image.name() + ")",
                () -> nova.createServer(name, flavor.id(), image.id()));
        try {
            Nova.Server active = Allure.step("wait for " + name + " to be ACTIVE", () -> Awaiting.until(session,
                    session.timeouts().serverActive(), "server " + name + " ACTIVE", () -> {
                        Optional<Nova.Server> s = nova.server(id);
                        if (s.isPresent() && "ERROR".equals(s.get().status())) {
                            throw new AssertionError("server " + name + " went to ERROR: " + s.get().fault());
                        }
                        return s.filter(x -> "ACTIVE".equals(x.status()));
                    }, () -> nova.server(id).map(Nova.Server::toString).orElse("gone")));
            Allure.addAttachment("server", active.toString());
        } finally {
            Allure.step("delete " + name, () -> nova.deleteServer(id));
        }
        Allure.step("wait for " + name + " to be gone", () -> Awaiting.until(session, session.timeouts().serverActive(),
                "server " + name + " deleted", () -> nova.server(id).isEmpty() ? Optional.of(true) : Optional.empty(),
                () -> nova.server(id).map(Nova.Server::toString).orElse("gone")));
    }

    private static Nova.Flavor flavor(List<Nova.Flavor> flavors, DeployedEnvironment env) {
        if (env.boot().flavor().isPresent()) {
            String wanted = env.boot().flavor().get();
            return flavors.stream().filter(f -> f.id().equals(wanted) || f.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new AssertionError("no flavor '" + wanted + "' among " + flavors));
        }
        return flavors.stream().min(Comparator.comparingLong(Nova.Flavor::ramMb))
                .orElseThrow(() -> new AssertionError("Nova lists no flavors"));
    }

    private static Glance.Image image(List<Glance.Image> images, DeployedEnvironment env) {
        if (env.boot().image().isPresent()) {
            String wanted = env.boot().image().get();
            return images.stream().filter(i -> i.id().equals(wanted) || i.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new AssertionError("no image '" + wanted + "' among " + images));
        }
        return images.stream().filter(Glance.Image::active).findFirst()
                .orElseThrow(() -> new AssertionError("no active image to boot among " + images));
    }
}
