package io.inception.inova.provision;

import io.inception.inova.fake.InMemoryCloud;
import io.inception.inova.spec.ControlPlaneSpec;
import io.inception.inova.spec.InovaEndpoint;
import io.inception.inova.spec.RoleSpec;
import io.inception.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A cloud that reports no limits refuses at boot time: what this provision made is deleted again. */
class QuotaRollbackTest {
    @Test
    void aQuotaRefusalAtBootDeletesWhatThisProvisionMade() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-27T05:00:00Z"));
        InMemoryCloud cloud = new InMemoryCloud(clock);
        cloud.reportLimits(false);
        cloud.limitInstances(2);
        RoleSpec api = new RoleSpec("nova-api", "m1.small", "debian-12", 3, Optional.empty(), Optional.empty(),
                RoleSpec.DEFAULT_BOOT_TIMEOUT, 3);
        ControlPlane plane = new ControlPlane("qe", new ControlPlaneSpec(InovaEndpoint.sandboxEndpoint(), List.of(api),
                List.of(), Map.of(), Optional.empty(), true), List.of(), Map.of());
        List<String> log = new ArrayList<>();

        Step step = new Provisioner(cloud, clock, log::add).step(plane, "b1", new MemoryCheckpoints());

        assertThat(step).isInstanceOf(Step.Failed.class);
        assertThat(((Step.Failed) step).quota()).isTrue();
        assertThat(((Step.Failed) step).reason()).contains("iNova refused to boot qe-api-nova-api-3 (HTTP 403)")
                .contains("Quota exceeded for instances").contains("deleted the 2 server(s) this provision had made");
        assertThat(cloud.servers("")).isEmpty();
    }
}
