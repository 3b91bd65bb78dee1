package io.inception.inova.provision;

import io.inception.inova.cloud.Cloud;
import io.inception.inova.environment.ControlPlaneOperations;
import io.inception.inova.fake.InMemoryCloud;
import io.inception.inova.fake.MutableClock;

import java.time.Clock;
import java.time.Instant;

/** The provisioner's contract against the in-memory cloud (time moves with each poll). */
class InMemoryProvisionerTest extends ProvisionerContractTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T05:00:00Z"));
    private final InMemoryCloud cloud = new InMemoryCloud(clock);

    @Override
    protected Cloud cloud() {
        return cloud;
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    @Override
    protected ControlPlaneOperations.Sleeper sleeper() {
        return clock::advance;
    }

    @Override
    protected String flavor() {
        return "m1.small";
    }

    @Override
    protected String image() {
        return "debian-12";
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
