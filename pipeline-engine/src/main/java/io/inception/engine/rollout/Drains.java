package io.inception.engine.rollout;

/**
 * Which {@link Drain} takes an environment's compute hosts out of scheduling: Nova's for an
 * environment with a control plane (the iNova provisioner implements it), else a stand-in.
 */
@FunctionalInterface
public interface Drains {
    /** The drain for the hosts of {@code fleet} in {@code environment}. */
    Drain forEnvironment(String environment, RolloutTargets.Fleet fleet);

    /** The same drain for every environment. */
    static Drains always(Drain drain) {
        return (environment, fleet) -> drain;
    }
}
