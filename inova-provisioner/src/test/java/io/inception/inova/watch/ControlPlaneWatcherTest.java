package io.inception.inova.watch;

import io.inception.engine.merge.Secret;
import io.inception.engine.store.EnvironmentEvent;
import io.inception.engine.store.Store;
import io.inception.inova.cloud.CloudServer;
import io.inception.inova.environment.ControlPlaneOperations;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.inova.openstack.KeystoneLogin;
import io.inception.inova.openstack.OpenStackCloud;
import io.inception.inova.provision.ControlPlane;
import io.inception.inova.provision.HealthCheck;
import io.inception.inova.provision.RoleConfigurer;
import io.inception.inova.spec.ControlPlaneSpec;
import io.inception.inova.spec.InovaEndpoint;
import io.inception.inova.spec.RoleSpec;
import io.inception.inova.stage.ControlPlaneTargets;
import io.inception.sandbox.inova.InovaFaults;
import io.inception.sandbox.inova.InovaSimulator;
import io.inception.sandbox.inova.InovaSpec;
import io.inception.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The watcher against the sandbox iNova: a control VM that dies is replaced, with an audit entry. */
class ControlPlaneWatcherTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T05:00:00Z"));

    private static ControlPlane plane(String env, boolean watch) {
        RoleSpec api = new RoleSpec("nova-api", "m1.small", "debian-12", 2, Optional.empty(), Optional.empty(),
                RoleSpec.DEFAULT_BOOT_TIMEOUT, 3);
        return new ControlPlane(env, new ControlPlaneSpec(InovaEndpoint.sandboxEndpoint(), List.of(api), List.of(),
                Map.of(), Optional.empty(), watch), List.of(), Map.of());
    }

    @Test
    void aDeadControlVmIsReplacedAndAudited() throws Exception {
        try (InovaSimulator sim = InovaSimulator.start(InovaSpec.defaults().withClock(clock));
             OpenStackCloud cloud = OpenStackCloud.connect(new KeystoneLogin(sim.authUrl(), sim.username(),
                     new Secret(sim.password()), sim.project(), sim.domain()), clock);
             Store store = Store.open("jdbc:h2:mem:inova-watch;DB_CLOSE_DELAY=-1")) {
            ControlPlaneRecords records = new ControlPlaneRecords(store.environmentResources());
            ControlPlaneOperations ops = new ControlPlaneOperations(cloud, records, clock, clock::advance, l -> { },
                    RoleConfigurer.NONE, HealthCheck.STANDARD);
            ops.provision(plane("qe", true), "b1", Duration.ofMinutes(5));
            ops.provision(plane("stg", false), "b1", Duration.ofMinutes(5));
            sim.faults().kill("qe-api-nova-api-1", InovaFaults.Death.ERROR);
            sim.faults().kill("stg-api-nova-api-1", InovaFaults.Death.SHUTOFF);
            ControlPlaneWatcher watcher = new ControlPlaneWatcher(() -> List.of(
                    new ControlPlaneTargets.Target(plane("qe", true), cloud),
                    new ControlPlaneTargets.Target(plane("stg", false), cloud)), records, HealthCheck.STANDARD, clock);

            List<ControlPlaneWatcher.Repair> repairs = watcher.tick();
            clock.advance(Duration.ofSeconds(5));
            watcher.tick();

            assertThat(repairs).singleElement().satisfies(r -> {
                assertThat(r.server()).isEqualTo("qe-api-nova-api-1");
                assertThat(r.reason()).startsWith("in ERROR");
            });
            List<CloudServer> qe = cloud.servers("qe-").stream().filter(s -> !s.goingAway()).toList();
            assertThat(qe).hasSize(2).allMatch(s -> s.status().name().equals("ACTIVE"));
            assertThat(store.environmentResources().events("qe")).extracting(EnvironmentEvent::message)
                    .anyMatch(m -> m.startsWith("watcher: qe-api-nova-api-1 (api/nova-api) was in ERROR"));
            assertThat(cloud.servers("stg-api-nova-api-1").get(0).status().name()).isEqualTo("SHUTOFF");
        }
    }
}
