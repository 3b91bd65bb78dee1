package io.inception.engine.rollout;

import io.inception.engine.fleet.HostTarget;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The fake {@link Drain}: remembers which hosts are drained; a host can be told to refuse. */
public final class InMemoryDrain implements Drain {
    private final Set<String> drained = ConcurrentHashMap.newKeySet();
    private final Set<String> refusing = ConcurrentHashMap.newKeySet();

    @Override
    public StepResult drain(HostTarget host) {
        if (refusing.contains(host.name())) return StepResult.failed("the scheduler refused to disable " + host.name());
        drained.add(host.name());
        return StepResult.success();
    }

    @Override
    public StepResult undrain(HostTarget host) {
        drained.remove(host.name());
        return StepResult.success();
    }

    public boolean isDrained(String host) {
        return drained.contains(host);
    }

    public Set<String> drained() {
        return Set.copyOf(drained);
    }

    /** Makes {@code drain} of {@code host} fail. */
    public void refuse(String host) {
        refusing.add(host);
    }
}
