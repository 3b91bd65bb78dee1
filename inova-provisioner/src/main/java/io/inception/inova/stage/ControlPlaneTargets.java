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

    /** A control plane and its cloud. */
    record Target(ControlPlane plane, Cloud cloud) {
    }
}
