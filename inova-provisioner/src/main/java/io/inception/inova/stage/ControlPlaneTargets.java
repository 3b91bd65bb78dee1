package io.inception.inova.stage;

import io.inception.inova.cloud.Cloud;
import io.inception.inova.provision.ControlPlane;

/**
 * Where the provision stage finds an environment's control plane and the cloud it lives on; the
 * app implements it from the environment file (at the run's commit), the store and the credentials.
 */
@FunctionalInterface
public interface ControlPlaneTargets {
    /** The target of {@code environment}; the stage does not close the cloud (an implementation may cache it). */
    Target forEnvironment(String environment);

    /**
     * The target of the environment a stage runs on; an implementation may read the environment
     * file at the run's pipeline commit. By default {@link #forEnvironment} of its name.
     */
    default Target forRun(io.inception.engine.stage.StageContext context) {
        return forEnvironment(context.environment().name());
    }

    /** A control plane and its cloud. */
    record Target(ControlPlane plane, Cloud cloud) {
    }
}
