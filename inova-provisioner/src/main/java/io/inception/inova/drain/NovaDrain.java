package io.inception.inova.drain;

import io.inception.engine.fleet.HostTarget;
import io.inception.engine.rollout.Drain;
import io.inception.engine.rollout.StepResult;
import io.inception.inova.cloud.Cloud;
import io.inception.inova.cloud.CloudException;
import io.inception.inova.cloud.ComputeService;

import java.util.List;
import java.util.Optional;

/**
 * The rollout's {@link Drain} through Nova: draining a host disables its nova-compute service
 * (PUT /os-services/{id}, microversion 2.53+) with a reason naming the rollout, so the scheduler
 * places no new server there; undraining enables it. Both are idempotent. {@code cloud} is the
 * Nova whose compute hosts are rolled (the environment's own Nova API).
 */
public final class NovaDrain implements Drain {
    private final Cloud cloud;
    private final String defaultReason;

    /** @param defaultReason the reason used when the caller names none, e.g. {@code inception rollout} */
    public NovaDrain(Cloud cloud, String defaultReason) {
        this.cloud = cloud;
        this.defaultReason = defaultReason;
    }

    @Override
    public StepResult drain(HostTarget host) {
        return drain(host, defaultReason);
    }

    @Override
    public StepResult drain(HostTarget host, String reason) {
        return set(host, false, reason);
    }

    @Override
    public StepResult undrain(HostTarget host) {
        return set(host, true, "");
    }

    private StepResult set(HostTarget host, boolean enabled, String reason) {
        try {
            Optional<ComputeService> service = cloud.computeServices(host.name()).stream().findFirst()
                    .or(() -> find(cloud.computeServices(), host));
            if (service.isEmpty()) {
                return StepResult.failed("Nova has no nova-compute service on host '" + host.name() + "'");
            }
            ComputeService s = service.get();
            if (s.enabled() == enabled && (enabled || s.disabledReason().equals(reason))) return StepResult.success();
            cloud.setComputeService(s.id(), enabled, reason);
            return StepResult.success();
        } catch (CloudException e) {
            return StepResult.failed((enabled ? "enabling" : "disabling") + " nova-compute on " + host.name() + ": " + e.getMessage());
        }
    }

    private static Optional<ComputeService> find(List<ComputeService> services, HostTarget host) {
        return services.stream().filter(s -> s.host().equals(host.name())).findFirst()
                .or(() -> services.stream().filter(s -> s.host().equals(host.address())).findFirst());
    }
}
