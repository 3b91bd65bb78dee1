package io.inception.inova.cloud;

/**
 * A nova-compute service: one per compute host.
 *
 * @param id             the service id (a UUID from microversion 2.53)
 * @param host           the compute host's name
 * @param enabled        whether the scheduler may place servers on it
 * @param up             whether it reports in
 * @param disabledReason why it was disabled, or empty
 */
public record ComputeService(String id, String host, boolean enabled, boolean up, String disabledReason) {
}
