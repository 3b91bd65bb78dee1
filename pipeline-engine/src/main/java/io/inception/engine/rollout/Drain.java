package io.inception.engine.rollout;

import io.inception.engine.fleet.HostTarget;

/**
 * Takes a compute host out of scheduling and puts it back (in Nova: disable / enable its
 * nova-compute service). Both calls must be idempotent: a resumed rollout may repeat them.
 * The iNova provisioner implements it against the Nova API; {@link InMemoryDrain} is the fake.
 */
public interface Drain {
    /** Stops new work being placed on {@code host}. */
    StepResult drain(HostTarget host);

    /**
     * Stops new work being placed on {@code host}, saying why (e.g. {@code inception rollout <id>}),
     * where the scheduler records a reason; by default the reason is dropped.
     */
    default StepResult drain(HostTarget host, String reason) {
        return drain(host);
    }

    /** Lets work be placed on {@code host} again. */
    StepResult undrain(HostTarget host);
}
