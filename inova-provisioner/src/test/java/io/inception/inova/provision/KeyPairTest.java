package io.inception.inova.provision;

import io.inception.inova.fake.InMemoryCloud;
import io.inception.inova.spec.ControlPlaneSpec;
import io.inception.inova.spec.InovaEndpoint;
import io.inception.inova.spec.RoleSpec;
import io.inception.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KeyPairTest {
    @Test
    void aMissingKeyPairFailsBeforeAnyServerIsBooted() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-27T05:00:00Z"));
        InMemoryCloud cloud = new InMemoryCloud(clock);
        RoleSpec api = new RoleSpec("nova-api", "m1.small", "debian-12", 1, Optional.empty(), Optional.empty(),
                RoleSpec.DEFAULT_BOOT_TIMEOUT, 3);
        ControlPlane plane = new ControlPlane("qe", new ControlPlaneSpec(InovaEndpoint.sandboxEndpoint(), List.of(api),
                List.of(), Map.of(), Optional.of("inception-qe"), true), List.of(), Map.of());

        Step step = new Provisioner(cloud, clock, l -> { }).step(plane, "b1", new MemoryCheckpoints());

        assertThat(step).isEqualTo(new Step.Failed("api/nova-api: key pair 'inception-qe' (control-plane.key-name) not found"
                + " in iNova: create it with `openstack keypair create --public-key <file> inception-qe`", false));
        assertThat(cloud.servers("")).isEmpty();
    }
}
