package io.inception.inova.cloud;

/**
 * The project's absolute limits (GET /limits); -1 means unlimited.
 *
 * @param maxInstances   instances allowed
 * @param usedInstances  instances in use
 * @param maxCores       cores allowed
 * @param usedCores      cores in use
 */
public record Limits(int maxInstances, int usedInstances, int maxCores, int usedCores) {
    /** Instances that can still be made, or {@link Integer#MAX_VALUE} when unlimited. */
    public int freeInstances() {
        return maxInstances < 0 ? Integer.MAX_VALUE : Math.max(0, maxInstances - usedInstances);
    }
}
