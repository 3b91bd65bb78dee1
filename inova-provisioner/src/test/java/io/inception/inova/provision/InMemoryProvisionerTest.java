package io.inception.inova.provision;

import io.inception.inova.cloud.Cloud;
import io.inception.inova.fake.InMemoryCloud;
import io.inception.testing.ManualClock;

import java.time.Instant;

/** The provisioner's contract against the in-memory cloud (time moves with each poll). */
class InMemoryProvisionerTest extends ProvisionerContractTest {
    private final InMemoryCloud cloud = new InMemoryCloud(clock());

    InMemoryProvisionerTest() {
        super(new ManualClock(Instant.parse("2026-11-27T05:00:00Z")));
    }

    @Override
    protected Cloud cloud() {
        return cloud;
    }

    @Override
    protected void failNextBoots(String prefix, int n) {
        cloud.failNextBoots(n);
    }

    @Override
    protected void hangBoots(String prefix, int n) {
        cloud.hangBoots(n);
    }

    @Override
    protected void limitInstances(int max) {
        cloud.limitInstances(max);
    }

    @Override
    protected void breakServer(String id) {
        cloud.breakServer(id);
    }
}
