package io.inception.puppet.apply;

import io.inception.engine.fleet.HostTarget;
import io.inception.engine.rollout.StepResult;
import io.inception.puppet.node.PuppetNode;

import java.util.List;

/**
 * The rollout's optional per-host step "configure with Puppet" for a compute host: applies the
 * build's manifest commit with {@code role::nova_compute} (and whatever else {@code classes} lists)
 * and answers as the rollout's other steps do — success, or failed naming the resource and Puppet's
 * message. The rollout calls {@link #configure} after the package is installed and before the
 * service is verified; a failure rolls the host back like any failed step.
 */
public final class PuppetHostStep {
    private final PuppetApplier applier;
    private final List<String> classes;

    public PuppetHostStep(PuppetApplier applier, List<String> classes) {
        this.applier = applier;
        this.classes = List.copyOf(classes);
    }

    /** Applies on {@code host}; exit 0 or 2 is success. */
    public StepResult configure(HostTarget host) {
        HostApply r = applier.applyOne(new PuppetNode(host, classes));
        return r.ok() ? new StepResult(true, "puppet: " + r.message()) : StepResult.failed("puppet apply: " + r.message());
    }
}
