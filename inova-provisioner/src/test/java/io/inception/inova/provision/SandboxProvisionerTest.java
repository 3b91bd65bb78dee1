package io.inception.inova.provision;

import io.inception.engine.merge.Secret;
import io.inception.inova.cloud.Cloud;
import io.inception.inova.openstack.KeystoneLogin;
import io.inception.inova.openstack.OpenStackCloud;
import io.inception.sandbox.inova.InovaFaults;
import io.inception.sandbox.inova.InovaSimulator;
import io.inception.sandbox.inova.InovaSpec;
import io.inception.testing.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The provisioner's contract against the sandbox iNova over HTTP with openstack4j; the simulator
 * and the provisioner share a clock that each poll moves on, so boots and timeouts take no real time.
 */
class SandboxProvisionerTest extends ProvisionerContractTest {
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-27T05:00:00Z"));
    private static InovaSimulator sim;
    private static OpenStackCloud cloud;

    @BeforeAll
    static void start() {
        sim = InovaSimulator.start(InovaSpec.defaults().withClock(CLOCK));
        cloud = OpenStackCloud.connect(new KeystoneLogin(sim.authUrl(), sim.username(), new Secret(sim.password()),
                sim.project(), sim.domain()), CLOCK);
    }

    @AfterAll
    static void stop() {
        cloud.close();
        sim.close();
    }

    SandboxProvisionerTest() {
        super(CLOCK);
    }

    @Override
    protected Cloud cloud() {
        return cloud;
    }

    @Override
    protected void failNextBoots(String prefix, int n) {
        sim.faults().failBoots("^" + Pattern.quote(prefix), n, "Build of instance aborted: injected fault (sandbox)");
    }

    @Override
    protected void hangBoots(String prefix, int n) {
        sim.faults().hangBoots("^" + Pattern.quote(prefix), n);
    }

    @Override
    protected void limitInstances(int max) {
        if (max < 0) sim.faults().clearQuota();
        else sim.faults().overrideQuota(new InovaSpec.Quota(max, 1000, 1_000_000));
    }

    @Override
    protected void breakServer(String id) {
        sim.faults().kill(id, InovaFaults.Death.ERROR);
    }
}
